import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { designerReducer, placedKeys, portalContainer } from './designer-state.ts';
import { containerId, dropPlace, paletteId, placedId, sourceOfId } from './drag-targets.ts';

const form: FormDefinition = {
  sections: [
    { key: 'basic', label: { 'zh-CN': '基本信息', en: '' }, fields: [{ key: 'a', width: 'full', required: false }, { key: 'b', width: 'half', required: false }, { key: 'c', width: 'half', required: false }] },
    { key: 'visit', label: { 'zh-CN': '勘察', en: '' }, fields: [{ key: 'd', width: 'full', required: false }] },
  ],
  rules: [],
  portal: { enabled: true, fields: [] },
};

function drop(activeId: string, overId: string): FormDefinition {
  const source = sourceOfId(activeId)!;
  const to = dropPlace(form, source, overId);
  return to ? designerReducer({ form }, { type: 'place_field', key: source.key, to }).form : form;
}

test('a palette field dropped on a placed field goes before it; on a section’s space, last', () => {
  assert.deepEqual(placedKeys(drop(paletteId('new'), placedId('basic', 'b'))), ['a', 'new', 'b', 'c', 'd']);
  assert.deepEqual(placedKeys(drop(paletteId('new'), containerId('visit'))), ['a', 'b', 'c', 'd', 'new']);
});

test('dragging down or up within a section moves like a sortable list', () => {
  assert.deepEqual(placedKeys(drop(placedId('basic', 'a'), placedId('basic', 'c'))), ['b', 'c', 'a', 'd']);
  assert.deepEqual(placedKeys(drop(placedId('basic', 'c'), placedId('basic', 'a'))), ['c', 'a', 'b', 'd']);
});

test('a field dragged to another section leaves its old one; dropped on its own section’s space it goes last', () => {
  assert.deepEqual(drop(placedId('basic', 'b'), placedId('visit', 'd')).sections.map((s) => s.fields.map((f) => f.key)), [['a', 'c'], ['b', 'd']]);
  assert.deepEqual(placedKeys(drop(placedId('basic', 'a'), containerId('basic'))), ['b', 'c', 'a', 'd']);
});

test('the portal list is a drop target of its own; unknown targets change nothing', () => {
  assert.deepEqual(drop(paletteId('a'), containerId(portalContainer)).portal.fields.map((f) => f.key), ['a']);
  assert.equal(drop(paletteId('a'), containerId('nowhere')), form);
  assert.equal(drop(paletteId('a'), 'something-else'), form);
  assert.deepEqual(sourceOfId(placedId('basic', 'x:y')), { key: 'x:y', from: 'basic' });
});
