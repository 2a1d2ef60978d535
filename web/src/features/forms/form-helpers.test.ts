import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pollutionType } from '../../../../src/forms/fixtures/environmental-complaint.ts';
import { columnSpans } from './field-layout.ts';
import { labelIn, liveOptions, optionLabel, pathLabels } from './field-labels.ts';
import { customFieldOfPath, fieldErrorsFrom, issueMessage } from './form-issues.ts';

test('a server refusal naming fields.<key> lands on that custom field; other paths are left to the page', () => {
  const { fields, rest } = fieldErrorsFrom(
    [
      { path: 'fields.survey_at', code: 'form.required', message: '请填写此项' },
      { path: 'subject', code: 'too_small', message: '请填写主题' },
      { path: '/fields/pollution_type', code: 'form.unknown_option', message: '没有选项“光污染”' },
    ],
    ['fields'],
  );
  assert.deepEqual(fields, [
    { name: ['fields', 'survey_at'], errors: ['请填写此项'] },
    { name: ['fields', 'pollution_type'], errors: ['没有选项“光污染”'] },
  ]);
  assert.deepEqual(rest.map((error) => error.path), ['subject']);
  assert.equal(customFieldOfPath('fields.'), null);
});

test('an issue found in the browser reads as the server would say it, with the field’s label', () => {
  const label = (key: string) => (key === 'survey_at' ? '勘察时间' : key);
  assert.equal(issueMessage({ path: 'fields.survey_at', code: 'form.read_only', params: { field: 'survey_at' } }, 'zh-CN', label), '字段 勘察时间 是只读的');
  assert.equal(issueMessage({ path: 'fields.model', code: 'form.option_not_allowed', params: { value: 'XC-10' } }, 'en', label), '"XC-10" cannot be chosen here');
});

test('labels: English falls back to Chinese; retired options keep their label but are not offered', () => {
  assert.equal(labelIn({ 'zh-CN': '污染类型', en: '' }, 'en'), '污染类型');
  assert.deepEqual(liveOptions(pollutionType.options).map((option) => option.value), ['noise', 'exhaust', 'wastewater', 'solid_waste']);
  assert.deepEqual(liveOptions(pollutionType.options, ['wastewater', 'odour']).map((option) => option.value), ['wastewater']);
  assert.equal(optionLabel(pollutionType.options, 'odour', 'zh-CN'), '异味');
  assert.equal(optionLabel(pollutionType.options, 'gone', 'zh-CN'), 'gone');
  const tree = [{ value: '44', label: { 'zh-CN': '广东省', en: 'Guangdong' }, children: [{ value: '4403', label: { 'zh-CN': '深圳市', en: '' } }] }];
  assert.deepEqual(pathLabels(tree, ['44', '4403', '440305'], 'en'), ['Guangdong', '深圳市', '440305']);
});

test('widths: full, half and third of the 24 columns; one column on a phone', () => {
  assert.deepEqual(columnSpans('half'), { xs: 24, sm: 12, md: 12 });
  assert.deepEqual(columnSpans('third'), { xs: 24, sm: 12, md: 8 });
  assert.deepEqual(columnSpans(undefined), { xs: 24, sm: 24, md: 24 });
});

test('values read as people say them: option labels (retired ones too), regions, yuan, yes/no', async () => {
  const { formatFieldValue } = await import('./format-value.ts');
  const { location, needsSurvey, fineAmount } = await import('../../../../src/forms/fixtures/environmental-complaint.ts');
  const words = { language: 'zh-CN', yes: '是', no: '否' };
  assert.equal(formatFieldValue(pollutionType, 'wastewater', words), '废水');
  assert.equal(formatFieldValue(pollutionType, 'odour', words), '异味');
  assert.equal(formatFieldValue({ ...pollutionType, type: 'multiselect' }, ['noise', 'wastewater'], words), '噪音、废水');
  assert.equal(formatFieldValue(location, ['44', '4403', '440305'], words), '广东省 / 深圳市 / 南山区');
  assert.equal(formatFieldValue(needsSurvey, false, words), '否');
  assert.equal(formatFieldValue(fineAmount, '1280.5', words), '¥1,280.50');
  assert.equal(formatFieldValue(pollutionType, null, words), null);
});
