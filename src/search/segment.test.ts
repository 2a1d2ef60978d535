import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complaintTexts } from '../demo/complaint-texts.js';
import { searchDocument, searchLexemes, searchQuery, sentenceMemo, subjectQuery, tsvectorLiteral } from './segment.js';

test('Chinese text yields every character and bigram', () => {
  const lexemes = searchLexemes('客户反映打印机无法连接网络');
  for (const expected of ['打印', '印机', '网络', '连接', '机无', '络', '客']) assert.ok(lexemes.includes(expected), expected);
});

test('Latin words and numbers written against Chinese are split at the script boundary', () => {
  assert.deepEqual(searchLexemes('用app点的').filter((l) => /[a-z]/.test(l)), ['app']);
  assert.ok(searchLexemes('等了40分钟').includes('40'));
  assert.ok(searchLexemes('KFC的pizza').includes('kfc'));
  assert.ok(searchLexemes('KFC的pizza').includes('pizza'));
  assert.ok(searchLexemes('我的iPad坏了').includes('ipad'));
  assert.ok(searchLexemes('ＨＰ打印机４０元').includes('hp'), 'full-width letters are folded (NFKC)');
  assert.ok(searchLexemes('ＨＰ打印机４０元').includes('40'));
});

test('Latin words are lower-cased; compound tokens also split', () => {
  const lexemes = searchLexemes('The Printer is offline: HP-2000 at ops@example.com');
  for (const expected of ['printer', 'offline', 'hp-2000', 'hp', '2000', 'ops@example.com', 'example']) assert.ok(lexemes.includes(expected), expected);
});

test('a query is a phrase whose elements keep their distances in the query', () => {
  assert.equal(searchQuery('打印机'), "('打印' <-> '印机')");
  assert.equal(searchQuery('一个小时'), "('一个' <-> '个小' <-> '小时')");
  assert.equal(searchQuery('40分钟'), "('40' <2> '分钟')", 'digits are kept, the unit right after them');
  assert.equal(searchQuery('用app点的'), "('用' <-> 'app' <3> '点的')");
  assert.equal(searchQuery('机'), "'机'");
  assert.equal(searchQuery('网络 Printer'), "'网络' & 'printer':*", 'a Latin word at the end may be unfinished');
  assert.equal(searchQuery('   ，。!!'), null);
});

test('the document puts each unit at its character offset, fields apart, weights inside', () => {
  assert.equal(searchDocument([{ text: '等了40分钟', weight: 'B' }]), "'等':1B '等了':1B '了':2B '40':3B '0':4B '分':5B '分钟':5B '钟':6B");
  const two = searchDocument([{ text: '一个', weight: 'A' }, { text: '小时', weight: 'C' }]);
  assert.match(two, /'一个':1A/);
  assert.match(two, /'小时':11C/, 'the second field starts after a gap: no phrase across fields');
});

test('a lexeme keeps at most 256 positions and long texts wrap instead of piling up on the last position', () => {
  const document = searchDocument([{ text: `${'的'.repeat(20_000)}客户反映`, weight: 'C' }]);
  const de = document.split(' ').find((e) => e.startsWith("'的':"))!;
  assert.equal(de.split(',').length, 256);
  assert.match(document, /'客户':4001C/, '20 000 wraps to 4 000 (+1)');
  assert.match(document, /'户反':4002C/);
});

test('subject-only queries put the weight A on every operand', () => {
  assert.equal(subjectQuery("('40' <2> '分钟') & 'app':*"), "('40':A <2> '分钟':A) & 'app':*A");
});

test('quotes and backslashes cannot break out of a lexeme', () => {
  const query = searchQuery("o'brien \\ '||'")!;
  assert.ok(!query.includes("o'b"));
  assert.match(query, /'o'/);
  assert.equal(tsvectorLiteral(["o'b", 'a\\b', '网络']), "'o''b':1 'a\\\\b':2 '网络':3");
});

test('long texts: Chinese far into a long run is indexed, and Latin text next to Chinese keeps both', () => {
  const run = `${'的'.repeat(1234)}客户反映${'的'.repeat(777)}`;
  const lexemes = searchLexemes(`${run} error code E-42 ${'deadbeef '.repeat(5000)}网络`);
  for (const expected of ['客户', '反映', '户反', 'e-42', 'deadbeef', '网络']) assert.ok(lexemes.includes(expected), expected);
  assert.ok(!lexemes.some((l) => l.length > 100));
});

test('digits are found inside longer numbers, as substrings: 200元 in 1200元, 42 in E42', () => {
  const lexemes = searchLexemes('退了1200元，错误E42');
  for (const expected of ['1200', '200', '00', 'e42', '42']) assert.ok(lexemes.includes(expected), expected);
  assert.match(searchDocument([{ text: '1200元', weight: 'B' }]), /'200':2B/);
  assert.ok(!searchLexemes('9'.repeat(40)).includes('9'.repeat(39)), 'a very long number is not cut into every suffix');
});

test('the per-sentence memo of bench-data gives the very documents of cutting each text whole', () => {
  const memo = sentenceMemo();
  const texts = [
    ...complaintTexts(300).flatMap((t) => [t.subject, t.description, ...t.messages]),
    // Sentence ends inside Latin compounds and numbers, full-width punctuation, repeated sentences.
    '错误代码E-42。E-42！HP-2000打印机，v1.2版本；ops@example.com、等了40分钟。等了40分钟。',
    'ＫＦＣ的pizza，ｉＰａｄ坏了！ 200元, 1200元? snake_case.',
  ];
  for (const text of texts) {
    const fields = [{ text, weight: 'B' as const }, { text: `${text}。${text}`, weight: 'C' as const }];
    assert.equal(searchDocument(fields, memo), searchDocument(fields), text);
  }
});
