import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateMessages } from './messages.js';
import { maxTemplateLength, maxTemplateProblems, parseTemplate, renderTemplate, templateVariables, templateVariablesUsed, validateTemplate } from './index.js';

const values = { 'ticket.number': '20261207-0001', 'requester.name': '张三', 'fields.model': 'X-200 <Pro>' };
const knownFields = (key: string) => key === 'model' || key === 'serial_no';

test('renders variables in Chinese text, spaces inside the braces allowed', () => {
  const text = '{{requester.name}}您好，您的工单 {{ ticket.number }} 已收到（型号：{{fields.model}}）。';
  assert.equal(renderTemplate(text, values), '张三您好，您的工单 20261207-0001 已收到（型号：X-200 <Pro>）。');
});

test('a variable without a value renders empty; a Map works like a record', () => {
  assert.equal(renderTemplate('[{{ticket.team}}][{{fields.serial_no}}]', values), '[][]');
  assert.equal(renderTemplate('{{a.b}}!', new Map([['a.b', '好']])), '好!');
});

test('values are HTML-escaped into HTML and left alone in plain text', () => {
  const evil = { 'requester.name': '<img src=x onerror=alert(1)> & "quoted" \'x\'' };
  assert.equal(renderTemplate('<p>{{requester.name}}</p>', evil, 'html'), '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;x&#39;</p>');
  assert.equal(renderTemplate('{{requester.name}}', evil, 'text'), evil['requester.name']);
});

test('a value is never parsed again: a customer named {{agent.name}} stays that text', () => {
  assert.equal(renderTemplate('Hi {{requester.name}}', { 'requester.name': '{{agent.name}}', 'agent.name': 'secret' }), 'Hi {{agent.name}}');
});

test('inherited properties are unreachable: {{constructor}}, {{__proto__.x}}, {{toString}}', () => {
  const rendered = renderTemplate('[{{constructor}}][{{__proto__.x}}][{{toString}}][{{hasOwnProperty}}]', values);
  assert.equal(rendered, '[][][][]');
  const problems = validateTemplate('{{constructor}} {{__proto__.polluted}}', knownFields);
  assert.deepEqual(problems.map((p) => [p.code, p.params.variable]), [['template.unknown_variable', 'constructor'], ['template.unknown_variable', '__proto__.polluted']]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('unclosed and malformed braces are kept as written and reported with their position', () => {
  const text = '您好 {{requester.name\n工单 {{ticket.number}} {{ 1+1 }} {{a b}} {x} }} {{';
  assert.equal(renderTemplate(text, values), '您好 {{requester.name\n工单 20261207-0001 {{ 1+1 }} {{a b}} {x} }} {{');
  const problems = validateTemplate(text, knownFields);
  assert.deepEqual(
    problems.map((p) => [p.code, p.line, p.column]),
    [['template.unclosed', 1, 4], ['template.invalid_variable', 2, 22], ['template.invalid_variable', 2, 32], ['template.unclosed', 2, 47]],
  );
  for (const p of problems) assert.equal(p.offset, offsetOf(text, p.line, p.column));
  assert.deepEqual(problems.map((p) => text.slice(p.offset, p.offset + 2)), ['{{', '{{', '{{', '{{']);
  assert.equal(problems[1]!.params.text, '{{ 1+1 }}');
});

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

test('validation knows the catalogue and the registry\'s fields', () => {
  assert.deepEqual(validateTemplate(templateVariables.map((v) => `{{${v.key}}}`).join(' ') + ' {{fields.model}}', knownFields), []);
  const problems = validateTemplate('{{fields.nope}} {{ticket.numbr}} {{fields.}}', knownFields);
  assert.deepEqual(problems.map((p) => [p.code, p.params.variable ?? p.params.text]), [
    ['template.unknown_variable', 'fields.nope'],
    ['template.unknown_variable', 'ticket.numbr'],
    ['template.invalid_variable', '{{fields.}}'],
  ]);
});

test('lists the variables a text uses, once each, in order', () => {
  assert.deepEqual(templateVariablesUsed('{{b.x}} {{a}} {{ b.x }} {{oops'), ['b.x', 'a']);
});

test('adversarial sizes stay linear and bounded', () => {
  const braces = '{{'.repeat(maxTemplateLength / 2);
  assert.equal(renderTemplate(braces, values), braces);
  assert.equal(validateTemplate(braces).length, maxTemplateProblems);
  const longName = `{{${'a'.repeat(5_000)}}}`;
  assert.equal(parseTemplate(longName)[0]!.kind, 'invalid');
  assert.deepEqual(validateTemplate('x'.repeat(maxTemplateLength + 1)).map((p) => p.code), ['template.too_long']);
});

test('every problem code has a message in both languages', () => {
  const codes = ['template.unknown_variable', 'template.unclosed', 'template.invalid_variable', 'template.too_long'];
  for (const code of codes) {
    assert.ok(code in templateMessages.zhCN && code in templateMessages.en, code);
  }
});
