import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSubmission, type Submission } from './check-submission.js';
import type { FormDefinition } from './definition.js';
import { environmentalFields, environmentalForm, pollutionType } from './fixtures/environmental-complaint.js';
import { judgeForm, sameValue } from './judge-form.js';
import { prepareForm, type PreparedForm } from './prepare-form.js';

function prepared(form: unknown = environmentalForm, fields = environmentalFields): PreparedForm {
  const result = prepareForm({ form, fields, builtins: [{ key: 'priority', type: 'select', options: [{ value: 'urgent' }, { value: 'normal' }] }] });
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return result.form;
}

const agent = { kind: 'staff', role: 'agent' } as const;
const customer = { kind: 'customer' } as const;
const where = { location: ['44', '4403', '440305'] };

function issues(submission: Submission, form = prepared()) {
  const result = checkSubmission(form, submission);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
}

describe('the 环保投诉 form (issue 14 §8)', () => {
  test('勘察时间 is hidden and optional until 是否需要现场勘察 is ticked, then shown and required', () => {
    const form = prepared();
    const unticked = judgeForm(form, { needs_survey: false }, { audience: customer, mode: 'create' });
    assert.deepEqual(unticked.fields.get('survey_at'), { visible: false, required: false, readOnly: false });
    const ticked = judgeForm(form, { needs_survey: true }, { audience: customer, mode: 'create' });
    assert.deepEqual(ticked.fields.get('survey_at'), { visible: true, required: true, readOnly: false });

    assert.deepEqual(issues({ input: { pollution_type: 'wastewater', ...where, needs_survey: true }, audience: customer }), ['fields.survey_at form.required']);
    assert.deepEqual(issues({ input: { pollution_type: 'wastewater', ...where, needs_survey: false }, audience: customer }), []);
    const ok = checkSubmission(form, { input: { pollution_type: 'wastewater', ...where, needs_survey: true, survey_at: '2026-12-08T09:30:00+08:00' }, audience: customer });
    assert.ok(ok.ok);
    assert.equal(ok.values.survey_at, '2026-12-08T01:30:00.000Z', 'instants are stored in UTC');
  });

  test('the API cannot skip a required field by leaving it out', () => {
    assert.deepEqual(issues({ input: { needs_survey: false }, audience: agent }), ['fields.pollution_type form.required', 'fields.location form.required']);
  });

  test('a customer may only fill the portal form: staff-only fields are unknown to them', () => {
    assert.deepEqual(issues({ input: { pollution_type: 'noise', ...where, inspector_notes: '夜间施工' }, audience: customer }), ['fields.inspector_notes form.unknown_field']);
  });

  test('a role outside the field\'s writers cannot change it; one inside can', () => {
    const previous = { pollution_type: 'noise', ...where };
    assert.deepEqual(issues({ input: { inspector_notes: '夜间施工' }, previous, audience: agent }), ['fields.inspector_notes form.not_writable']);
    assert.deepEqual(issues({ input: { inspector_notes: '夜间施工' }, previous, audience: { kind: 'staff', role: 'supervisor' } }), []);
  });

  test('a hidden field keeps its value (nothing is silently dropped)', () => {
    const result = checkSubmission(prepared(), { input: { pollution_type: 'noise' }, previous: { pollution_type: 'wastewater', ...where, needs_survey: true, survey_at: '2026-12-08T01:30:00.000Z' }, audience: agent });
    assert.ok(result.ok);
    assert.equal(result.state.fields.get('needs_survey')!.visible, false);
    assert.equal(result.values.needs_survey, true);
    assert.deepEqual(result.changed, ['pollution_type']);
  });

  test('computed money adds in cents and cannot be typed over', () => {
    const result = checkSubmission(prepared(), { input: { pollution_type: 'noise', ...where, fine: '0.10', extra_fee: 0.2 }, audience: agent });
    assert.ok(result.ok);
    assert.equal(result.values.total_due, '0.30');
    assert.deepEqual(issues({ input: { pollution_type: 'noise', ...where, fine: '10', total_due: '99' }, audience: agent }), ['fields.total_due form.read_only']);
  });
});

describe('values', () => {
  test('a deleted option stays on the tickets that have it but is refused as a new value', () => {
    const previous = { pollution_type: 'odour', ...where };
    assert.deepEqual(issues({ input: { pollution_type: 'odour', needs_survey: false }, previous, audience: agent }), []);
    assert.deepEqual(issues({ input: { pollution_type: 'odour' }, previous: { pollution_type: 'noise', ...where }, audience: agent }), ['fields.pollution_type form.unknown_option']);
  });

  test('a cascader path must follow the tree to the required depth', () => {
    assert.deepEqual(issues({ input: { pollution_type: 'noise', location: ['44', '4403'] }, audience: agent }), ['fields.location form.path_depth']);
    assert.deepEqual(issues({ input: { pollution_type: 'noise', location: ['44', '4401', '440305'] }, audience: agent }), ['fields.location form.unknown_option']);
  });

  test('unknown keys and malformed values are each reported with their path', () => {
    assert.deepEqual(issues({ input: { pollution_typ: 'noise', survey_at: '明天上午', needs_survey: 'yes' }, audience: agent }), [
      'fields.pollution_typ form.unknown_field',
      'fields.survey_at form.expected_datetime',
      'fields.needs_survey form.expected_boolean',
    ]);
  });

  test('an update that leaves an already-missing required field alone is not blocked by it; ticking the box that requires another is', () => {
    const legacy = { pollution_type: 'wastewater' }; // created before 发生地点 was required
    assert.deepEqual(issues({ input: { pollution_type: 'exhaust' }, previous: legacy, audience: agent }), []);
    assert.deepEqual(issues({ input: { needs_survey: true }, previous: legacy, audience: agent }), ['fields.survey_at form.required']);
    assert.deepEqual(issues({ input: { location: null }, previous: { pollution_type: 'noise', ...where }, audience: agent }), ['fields.location form.required']);
  });
});

describe('rules that filter options and set defaults', () => {
  const productLine = { ...pollutionType, key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, options: [{ value: 'printer', label: { 'zh-CN': '打印机', en: 'Printer' } }, { value: 'copier', label: { 'zh-CN': '复印机', en: 'Copier' } }] };
  const model = { ...pollutionType, key: 'model', label: { 'zh-CN': '型号', en: 'Model' }, options: ['HP-2000', 'HP-3000', 'XC-10'].map((value) => ({ value, label: { 'zh-CN': value, en: value } })) };
  const form: FormDefinition = {
    sections: [{ key: 'main', label: { 'zh-CN': '设备', en: 'Device' }, fields: [{ key: 'product_line', width: 'full', required: true, default: 'printer' }, { key: 'model', width: 'full', required: false }] }],
    rules: [
      { id: 'printer-models', when: { field: 'product_line', op: 'is', value: 'printer' }, then: [{ effect: 'options', field: 'model', values: ['HP-2000', 'HP-3000'] }] },
      { id: 'urgent-default', when: { field: 'priority', op: 'is', value: 'urgent' }, then: [{ effect: 'default', field: 'model', value: 'HP-3000' }] },
    ],
    portal: { enabled: false, fields: [] },
  };
  const devices = () => prepared(form, [productLine, model]);

  test('产品线 = 打印机 offers only printer models, on a create that relies on the default', () => {
    assert.deepEqual(judgeForm(devices(), {}, { audience: agent, mode: 'create' }).fields.get('model')!.options, ['HP-2000', 'HP-3000']);
    assert.deepEqual(issues({ input: { model: 'XC-10' }, audience: agent }, devices()), ['fields.model form.option_not_allowed']);
    assert.deepEqual(issues({ input: { product_line: 'copier', model: 'XC-10' }, audience: agent }, devices()), []);
  });

  test('a rule may test a built-in field, and a default fills only an empty field of a new record', () => {
    const result = checkSubmission(devices(), { input: {}, audience: agent, builtinValues: { priority: 'urgent' } });
    assert.ok(result.ok);
    assert.deepEqual(result.values, { product_line: 'printer', model: 'HP-3000' });
    const update = checkSubmission(devices(), { input: {}, previous: { product_line: 'printer' }, audience: agent, builtinValues: { priority: 'urgent' } });
    assert.ok(update.ok);
    assert.deepEqual(update.values, { product_line: 'printer' });
  });
});

describe('publishing checks the form against the registry', () => {
  test('each problem is named by its path in the definition', () => {
    const broken = {
      ...environmentalForm,
      sections: [{ ...environmentalForm.sections[0]!, fields: [...environmentalForm.sections[0]!.fields, { key: 'no_such_field' }, { key: 'pollution_type', default: 'plutonium' }] }],
      rules: [
        { id: 'a', when: { field: 'pollution_type', op: 'gt', value: 'noise' }, then: [{ effect: 'require', field: 'fine' }] },
        { id: 'b', then: [{ effect: 'options', field: 'needs_survey', values: ['x'] }] },
      ],
      portal: { enabled: true, fields: [{ key: 'inspector_notes' }] },
    };
    const result = prepareForm({ form: broken, fields: environmentalFields });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.issues.map((issue) => `${issue.path} ${issue.code}`),
      [
        'form.sections.0.fields.4.key form.unknown_field',
        'form.sections.0.fields.5.key form.field_twice',
        'form.portal.fields.0.key form.not_customer_visible',
        'form.rules.0.when.op condition.operator_not_allowed',
        'form.rules.0.then.0.field form.rule_field_not_on_form',
        'form.rules.1.then.0.field form.options_need_select',
      ],
    );
  });
});

describe('sameValue: what counts as no change', () => {
  test('empty values are all the same; scalars by value and type; lists by members in order', () => {
    assert.ok(sameValue(undefined, null) && sameValue('', []) && sameValue(null, ''));
    assert.ok(!sameValue('', 'a') && !sameValue(null, 0) && !sameValue(false, null), 'false and 0 are values, not empty');
    assert.ok(sameValue('a', 'a') && sameValue(3, 3) && !sameValue(3, '3') && !sameValue(true, 'true'));
    assert.ok(sameValue(['a', 'b'], ['a', 'b']) && !sameValue(['a', 'b'], ['b', 'a']) && !sameValue(['a'], 'a'));
  });
});
