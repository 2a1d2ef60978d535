/**
 * Which columns the ticket list shows for the width its table really has (not the window's:
 * the sidebar and the view menu take ~430 px of a 1366-px laptop). Columns have fixed widths
 * and the subject takes the rest, so the list never scrolls sideways; below `full` the less
 * important columns merge (状态 + 优先级 in one cell, 客户 under the subject) and narrow a little.
 */
import type { OptionalColumn } from './list-preferences.ts';

export type ListLayout = 'phone' | 'merged' | 'full' | 'wide';

/** Narrowest subject we accept before merging columns. */
const minSubject = 240;

export function listLayout(tableWidth: number, phone: boolean): ListLayout {
  if (phone) return 'phone';
  if (tableWidth >= fixedWidth('wide', []) + minSubject) return 'wide';
  if (tableWidth >= fixedWidth('full', []) + minSubject) return 'full';
  return 'merged';
}

/** Width in px of each fixed column per layout (the selection checkbox included). */
export function columnWidths(layout: ListLayout) {
  const merged = layout === 'merged';
  return {
    selection: 32,
    number: merged ? 120 : 140,
    requester: 110,
    status: merged ? 150 : 100,
    priority: 90,
    sla: merged ? 170 : 190,
    assignee: merged ? 100 : 110,
    team: 120,
    updatedAt: merged ? 100 : 110,
  };
}

/** The columns shown besides the subject, in order. */
export function visibleColumns(layout: ListLayout, hidden: readonly OptionalColumn[]): string[] {
  if (layout === 'phone') return ['updatedAt'];
  const shown = (c: OptionalColumn) => !hidden.includes(c);
  const columns: string[] = [];
  if (shown('number')) columns.push('number');
  if (layout !== 'merged' && shown('requester')) columns.push('requester');
  columns.push('status');
  if (layout !== 'merged' && shown('priority')) columns.push('priority');
  if (shown('sla')) columns.push('sla');
  columns.push('assignee');
  if (layout === 'wide' && shown('team')) columns.push('team');
  columns.push('updatedAt');
  return columns;
}

export function fixedWidth(layout: ListLayout, hidden: readonly OptionalColumn[]): number {
  const widths = columnWidths(layout) as Record<string, number>;
  return widths.selection! + visibleColumns(layout, hidden).reduce((sum, c) => sum + widths[c]!, 0);
}
