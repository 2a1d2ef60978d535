import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { portalContainer, type Place } from './designer-state.ts';

/**
 * Drag and drop ids: `palette:<key>` (a field not yet on the form), `field:<container>:<key>`
 * (a placed field, sortable in its section or the portal list) and `container:<key>` (a
 * section's or the portal list's empty space). Kept pure so the drop logic is tested without a browser.
 */
export const paletteId = (key: string) => `palette:${key}`;
export const placedId = (container: string, key: string) => `field:${container}:${key}`;
export const containerId = (container: string) => `container:${container}`;

export type DragSource = { key: string; from?: string };

export function sourceOfId(id: string): DragSource | undefined {
  if (id.startsWith('palette:')) return { key: id.slice('palette:'.length) };
  if (id.startsWith('field:')) {
    const [, container, ...rest] = id.split(':');
    return { key: rest.join(':'), from: container! };
  }
  return undefined;
}

function fieldsOf(form: FormDefinition, container: string) {
  return container === portalContainer ? form.portal.fields : form.sections.find((section) => section.key === container)?.fields;
}

/**
 * Where a drop over `overId` puts the dragged field. Over a placed field it takes that field's
 * position (so dragging down past a neighbour swaps with it, as a sortable list shows it);
 * over a container's empty space it goes last.
 */
export function dropPlace(form: FormDefinition, source: DragSource, overId: string): Place | undefined {
  if (overId.startsWith('container:')) {
    const container = overId.slice('container:'.length);
    const fields = fieldsOf(form, container);
    if (!fields) return undefined;
    const without = fields.filter((field) => field.key !== source.key);
    return { container, index: without.length };
  }
  const over = sourceOfId(overId);
  if (!over?.from) return undefined;
  const fields = fieldsOf(form, over.from);
  if (!fields) return undefined;
  const overIndex = fields.findIndex((field) => field.key === over.key);
  if (overIndex < 0) return undefined;
  // Within its own list this is arrayMove(from, to); from elsewhere it goes before the field it is over.
  return { container: over.from, index: overIndex };
}
