/** The ids in their new order after a drop of `active` on `over` (unchanged when either is unknown). */
export function movedOrder(ids: readonly string[], active: string, over: string | null): string[] {
  const from = ids.indexOf(active);
  const to = over === null ? -1 : ids.indexOf(over);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = [...ids];
  next.splice(to, 0, next.splice(from, 1)[0]!);
  return next;
}

/** A trigger's catalogue key (`ticket.created` → `ticket_created`: i18next reads dots as nesting). */
export const triggerKey = (trigger: string) => `automation.triggers.${trigger.replace('.', '_')}`;
