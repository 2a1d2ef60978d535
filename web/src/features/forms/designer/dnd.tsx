import { closestCenter, DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import type { DesignerAction } from './designer-state.ts';
import { dropPlace, sourceOfId } from './drag-targets.ts';
import { labelIn, type RegistryField } from './registry-field.ts';

/**
 * Under the pointer, a field wins over the section it sits in (so a drop lands between fields);
 * with the keyboard there is no pointer, and the nearest target in the arrow's direction wins.
 */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length) {
    const fields = hits.filter((hit) => String(hit.id).startsWith('field:'));
    return fields.length ? fields : hits;
  }
  return closestCenter(args);
};

/**
 * The drag-and-drop context of the designer: pointer (after 4 px, so clicks on a card's
 * controls stay clicks) and keyboard (Space picks up, arrows move, Space drops, Esc cancels).
 * Every drop becomes one `place_field` action of the reducer.
 */
export function DesignerDnd({ form, fields, dispatch, children }: { form: FormDefinition; fields: readonly RegistryField[]; dispatch: (action: DesignerAction) => void; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [dragging, setDragging] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const label = (key: string) => labelIn(fields.find((field) => field.key === key)?.label, i18n.language) || key;

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const source = sourceOfId(String(event.active.id));
    if (!source || !event.over) return;
    const to = dropPlace(form, source, String(event.over.id));
    if (to) dispatch({ type: 'place_field', key: source.key, to });
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={(event: DragStartEvent) => setDragging(sourceOfId(String(event.active.id))?.key ?? null)}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('formsDesigner.designer.paletteHint') },
        announcements: {
          onDragStart: ({ active }) => label(sourceOfId(String(active.id))?.key ?? ''),
          onDragOver: () => undefined,
          onDragEnd: ({ active }) => label(sourceOfId(String(active.id))?.key ?? ''),
          onDragCancel: () => undefined,
        },
      }}
    >
      {children}
      <DragOverlay>{dragging ? <Tag color="blue" style={{ padding: '6px 12px', fontSize: 14, cursor: 'grabbing' }} data-testid="drag-overlay">{label(dragging)}</Tag> : null}</DragOverlay>
    </DndContext>
  );
}
