import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { evaluate } from '../../../src/conditions/evaluate.ts';
import { fieldLookup, type FieldDescriptor } from '../../../src/conditions/types.ts';
import { validateCondition } from '../../../src/conditions/validate.ts';

// The console judges a form's conditions with the server's own code (issue 14 §5): this file
// proves the pure part compiles under the web's tsconfig and runs outside Node's server code.
const fields: FieldDescriptor[] = [
  { key: 'needs_visit', type: 'boolean' },
  { key: 'pollution_type', type: 'select', options: [{ value: '噪音' }, { value: '废水' }] },
];

test('是否需要现场勘察 set: 勘察时间 becomes required, in the browser as on the server', () => {
  const result = validateCondition({ all: [{ field: 'needs_visit', op: 'is', value: true }, { field: 'pollution_type', op: 'in', value: ['废水'] }] }, fieldLookup(fields));
  assert.ok(result.ok);
  assert.equal(evaluate(result.condition, { values: { needs_visit: true, pollution_type: '废水' } }), true);
  assert.equal(evaluate(result.condition, { values: { needs_visit: false, pollution_type: '废水' } }), false);
  assert.equal(evaluate(result.condition, { values: {} }), false);
});

test('an unknown option is refused with its path, for the designer to show', () => {
  const result = validateCondition({ field: 'pollution_type', op: 'is', value: '光污染' }, fieldLookup(fields), { path: 'rules.0.when' });
  assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), ['rules.0.when.value']);
});

test('the pure files bundle for the browser: no Node built-ins, no database code', async () => {
  const entries = ['types', 'operators', 'values', 'validate', 'evaluate', 'compilable', 'messages'];
  const result = await build({
    stdin: { contents: entries.map((name) => `export * from './${name}.ts';`).join('\n'), resolveDir: new URL('../../../src/conditions/', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => path !== '<stdin>');
  // From the test build the specifiers point at the compiled .js twins: the same imports.
  assert.ok(inputs.some((path) => /src\/conditions\/evaluate\.[jt]s$/.test(path)));
  assert.deepEqual(inputs.filter((path) => !/src\/conditions\/|node_modules\/zod\//.test(path)), []);
});
