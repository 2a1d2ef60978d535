import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { designerReducer, emptyForm, nextSectionKey, placedKeys, portalContainer, rulesNamingMissingFields, sameForm, type DesignerAction, type DesignerState } from './designer-state.ts';

function run(form: FormDefinition, ...actions: DesignerAction[]): FormDefinition {
  return actions.reduce<DesignerState>(designerReducer, { form }).form;
}

const twoSections = run(
  emptyForm(),
  { type: 'add_section', key: 'basic', label: { 'zh-CN': '基本信息', en: 'Basics' } },
  { type: 'add_section', key: 'visit', label: { 'zh-CN': '现场勘察', en: 'Site visit' } },
  { type: 'place_field', key: 'pollution_type', to: { container: 'basic', index: 0 } },
  { type: 'place_field', key: 'location', to: { container: 'basic', index: 1 } },
  { type: 'place_field', key: 'needs_visit', to: { container: 'visit', index: 0 } },
);

test('fields dragged from the palette land where they are dropped, with defaults', () => {
  assert.deepEqual(twoSections.sections.map((s) => s.fields.map((f) => f.key)), [['pollution_type', 'location'], ['needs_visit']]);
  assert.deepEqual(twoSections.sections[0]!.fields[0], { key: 'pollution_type', width: 'full', required: false });
});

test('moving a field to another section keeps its settings and leaves no copy behind', () => {
  const edited = run(twoSections, { type: 'update_field', key: 'location', container: 'basic', patch: { width: 'half', required: true, help: { 'zh-CN': '省市区' } } });
  const moved = run(edited, { type: 'place_field', key: 'location', to: { container: 'visit', index: 0 } });
  assert.deepEqual(placedKeys(moved), ['pollution_type', 'location', 'needs_visit']);
  assert.deepEqual(moved.sections[1]!.fields[0], { key: 'location', width: 'half', required: true, help: { 'zh-CN': '省市区' } });
  assert.equal(moved.sections[0]!.fields.length, 1);
});

test('reordering within a section uses the position after the field is taken out', () => {
  const reordered = run(twoSections, { type: 'place_field', key: 'pollution_type', to: { container: 'basic', index: 1 } });
  assert.deepEqual(reordered.sections[0]!.fields.map((f) => f.key), ['location', 'pollution_type']);
  const clamped = run(twoSections, { type: 'place_field', key: 'location', to: { container: 'basic', index: -5 } });
  assert.deepEqual(clamped.sections[0]!.fields.map((f) => f.key), ['location', 'pollution_type']);
});

test('removing a field returns it to the palette; removing a section returns all of its fields', () => {
  const removed = run(twoSections, { type: 'remove_field', key: 'location', container: 'basic' });
  assert.deepEqual(placedKeys(removed), ['pollution_type', 'needs_visit']);
  const noSection = run(twoSections, { type: 'remove_section', key: 'basic' });
  assert.deepEqual(placedKeys(noSection), ['needs_visit']);
});

test('sections are renamed and reordered; a duplicate key or a drop on no section changes nothing', () => {
  const form = run(
    twoSections,
    { type: 'rename_section', key: 'visit', label: { 'zh-CN': '勘察', en: 'Visit' } },
    { type: 'move_section', key: 'visit', index: 0 },
    { type: 'add_section', key: 'basic', label: { 'zh-CN': '重复', en: '' } },
    { type: 'place_field', key: 'other', to: { container: 'nowhere', index: 0 } },
  );
  assert.deepEqual(form.sections.map((s) => [s.key, s.label['zh-CN']]), [['visit', '勘察'], ['basic', '基本信息']]);
  assert.deepEqual(placedKeys(form), ['needs_visit', 'pollution_type', 'location']);
  assert.equal(nextSectionKey(form), 'section_3');
});

test('the portal form is its own list: placing a field there does not take it off the agents’ form', () => {
  const form = run(
    twoSections,
    { type: 'set_portal_enabled', enabled: true },
    { type: 'place_field', key: 'needs_visit', to: { container: portalContainer, index: 0 } },
    { type: 'place_field', key: 'pollution_type', to: { container: portalContainer, index: 0 } },
    { type: 'update_field', key: 'pollution_type', container: portalContainer, patch: { required: true } },
  );
  assert.deepEqual(form.portal, { enabled: true, fields: [{ key: 'pollution_type', width: 'full', required: true }, { key: 'needs_visit', width: 'full', required: false }] });
  assert.deepEqual(placedKeys(form), placedKeys(twoSections));
});

test('a cleared help text is absent, so the draft equals the stored form again (no false unsaved warning)', () => {
  const withHelp = run(twoSections, { type: 'update_field', key: 'location', container: 'basic', patch: { help: { 'zh-CN': '说明' } } });
  assert.ok(!sameForm(withHelp, twoSections));
  const cleared = run(withHelp, { type: 'update_field', key: 'location', container: 'basic', patch: { help: undefined } });
  assert.ok(sameForm(cleared, twoSections));
  assert.ok(sameForm(JSON.parse(JSON.stringify(twoSections)) as FormDefinition, twoSections));
});

test('a rule naming a field taken off the form is reported by its index', () => {
  const form = run(twoSections, {
    type: 'set_rules',
    rules: [
      { id: 'r1', when: { field: 'needs_visit', op: 'is', value: true }, then: [{ effect: 'require', field: 'visit_time' }] },
      { id: 'r2', when: { all: [{ field: 'status', op: 'is', value: 'new' }] }, then: [{ effect: 'show', field: 'location' }] },
    ],
  });
  assert.deepEqual(rulesNamingMissingFields(form, new Set(['status'])), [0]);
});
