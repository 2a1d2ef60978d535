import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkSubmission } from '../../../../src/forms/check-submission.ts';
import type { FieldDefinition, FormAudience, FormDefinition } from '../../../../src/forms/definition.ts';
import { environmentalFields, environmentalForm, pollutionType } from '../../../../src/forms/fixtures/environmental-complaint.ts';
import { judgeForm } from '../../../../src/forms/judge-form.ts';
import { prepareForm } from '../../../../src/forms/prepare-form.ts';

// Issue 14 §5: the browser decides a form with the server's own engine. This test bundles the
// engine the way the console's build does (esbuild, platform browser: no Node built-ins may creep
// in), runs the bundle, and holds its answers to the server's for the same input.
const forms = new URL('../../../../src/forms/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'opencsm-forms-web-'));
after(() => rmSync(folder, { recursive: true, force: true }));

type Engine = { prepareForm: typeof prepareForm; judgeForm: typeof judgeForm; checkSubmission: typeof checkSubmission };

async function browserEngine(): Promise<{ engine: Engine; inputs: string[] }> {
  const result = await build({
    // `.js` specifiers: esbuild finds the .ts sources here and the compiled twins in the test build.
    stdin: { contents: ["export { prepareForm } from './prepare-form.js';", "export { judgeForm } from './judge-form.js';", "export { checkSubmission } from './check-submission.js';"].join('\n'), resolveDir: forms, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = join(folder, 'engine.mjs');
  writeFileSync(file, result.outputFiles[0]!.text);
  return { engine: (await import(pathToFileURL(file).href)) as Engine, inputs: Object.keys(result.metafile.inputs) };
}

const agent: FormAudience = { kind: 'staff', role: 'agent' };
const customer: FormAudience = { kind: 'customer' };

/** What both engines decide, as plain data (Maps do not compare across module instances). */
function decide(engine: Engine, form: FormDefinition, fields: FieldDefinition[], values: Record<string, unknown>, audience: FormAudience) {
  const prepared = engine.prepareForm({ form, fields });
  assert.ok(prepared.ok, 'the form prepares');
  const state = engine.judgeForm(prepared.form, values, { audience, mode: 'create' });
  const checked = engine.checkSubmission(prepared.form, { input: values, audience });
  return { fields: Object.fromEntries(state.fields), values: state.values, check: checked.ok ? { ok: true, values: checked.values } : { ok: false, issues: checked.issues } };
}

const server: Engine = { prepareForm, judgeForm, checkSubmission };

test('the engine bundles for the browser: no Node built-ins, no database or module code', async () => {
  const { inputs } = await browserEngine();
  assert.ok(inputs.some((path) => /src\/forms\/judge-form\.[jt]s$/.test(path)));
  assert.deepEqual(inputs.filter((path) => path !== '<stdin>' && !/src\/forms\/|src\/conditions\/|node_modules\/(zod|libphonenumber-js)\//.test(path)), []);
});

test('勘察时间: hidden and optional until 是否需要现场勘察 is ticked, then shown and required — in the browser as on the server', async () => {
  const { engine } = await browserEngine();
  const location = ['44', '4403', '440305'];
  const cases: Array<[string, Record<string, unknown>, FormAudience]> = [
    ['box not ticked (customer)', { pollution_type: 'wastewater', location, needs_survey: false }, customer],
    ['box ticked, no time (customer)', { pollution_type: 'wastewater', location, needs_survey: true }, customer],
    ['box ticked, no time (agent)', { pollution_type: 'wastewater', location, needs_survey: true }, agent],
    ['box ticked, time given (customer)', { pollution_type: 'wastewater', location, needs_survey: true, survey_at: '2026-12-08T09:00:00+08:00' }, customer],
  ];
  for (const [name, values, audience] of cases) {
    const browser = decide(engine, environmentalForm, environmentalFields, values, audience);
    assert.deepEqual(browser, decide(server, environmentalForm, environmentalFields, values, audience), name);
  }
  const ticked = decide(engine, environmentalForm, environmentalFields, cases[1]![1], customer);
  assert.deepEqual(ticked.fields.survey_at, { visible: true, required: true, readOnly: false });
  assert.deepEqual(ticked.check, { ok: false, issues: [{ path: 'fields.survey_at', code: 'form.required', params: { field: 'survey_at' } }] });
  assert.equal(decide(engine, environmentalForm, environmentalFields, cases[0]![1], customer).fields.survey_at?.visible, false);
  assert.equal(decide(engine, environmentalForm, environmentalFields, cases[3]![1], customer).check.ok, true);
});

test('filtered options: 产品线 = 打印机 offers only printer models, and a copier model is refused — in the browser as on the server', async () => {
  const { engine } = await browserEngine();
  const option = (value: string) => ({ value, label: { 'zh-CN': value, en: value } });
  const productLine: FieldDefinition = { ...pollutionType, id: '00000000-0000-7000-8000-0000000000a1', key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, options: [option('printer'), option('copier')] };
  const model: FieldDefinition = { ...pollutionType, id: '00000000-0000-7000-8000-0000000000a2', key: 'model', label: { 'zh-CN': '型号', en: 'Model' }, options: ['HP-2000', 'HP-3000', 'XC-10'].map(option) };
  const form: FormDefinition = {
    sections: [{ key: 'device', label: { 'zh-CN': '设备', en: 'Device' }, fields: [{ key: 'product_line', width: 'half', required: true }, { key: 'model', width: 'half', required: false }] }],
    rules: [
      { id: 'printer-models', when: { field: 'product_line', op: 'is', value: 'printer' }, then: [{ effect: 'options', field: 'model', values: ['HP-2000', 'HP-3000'] }] },
      { id: 'copier-models', when: { field: 'product_line', op: 'is', value: 'copier' }, then: [{ effect: 'options', field: 'model', values: ['XC-10'] }] },
    ],
    portal: { enabled: false, fields: [] },
  };
  const cases: Array<Record<string, unknown>> = [{ product_line: 'printer' }, { product_line: 'printer', model: 'XC-10' }, { product_line: 'copier', model: 'XC-10' }, {}];
  for (const values of cases) assert.deepEqual(decide(engine, form, [productLine, model], values, agent), decide(server, form, [productLine, model], values, agent), JSON.stringify(values));
  assert.deepEqual(decide(engine, form, [productLine, model], cases[0]!, agent).fields.model?.options, ['HP-2000', 'HP-3000']);
  assert.deepEqual(decide(engine, form, [productLine, model], cases[1]!, agent).check, { ok: false, issues: [{ path: 'fields.model', code: 'form.option_not_allowed', params: { value: 'XC-10' } }] });
});
