import type { AssignmentStrategy } from './schema.js';

/** An agent the team could give the ticket to, as read under the team's lock. */
export type Candidate = {
  userId: string;
  openCount: number;
  weight: number;
  skills: Record<string, string[]>;
  lastAssignedAt: Date | null;
};

/** The ticket's values of the team's skill fields (`priority`, `channel`, `categoryId`, `fields.<key>`). */
export type SkillValues = Record<string, unknown>;

/**
 * Whether an agent has the skills a ticket asks for: for every skill field the ticket has a value
 * of, one of its values is among the agent's values of that field. A field the ticket leaves
 * empty asks for nothing.
 */
export function hasSkills(candidate: Pick<Candidate, 'skills'>, skillFields: readonly string[], values: SkillValues): boolean {
  return skillFields.every((field) => {
    const wanted = valuesOf(values[field]);
    if (wanted.length === 0) return true;
    const held = candidate.skills[field] ?? [];
    return wanted.some((value) => held.includes(value));
  });
}

function valuesOf(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flat().map(String);
  return [String(value)];
}

const byLeastRecent = (a: Candidate, b: Candidate) =>
  (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * The order in which a strategy offers the ticket to the available candidates; the first one
 * whose counter still has room takes it (the capacity check is the counter's own update).
 * - round robin: agents by id, starting after the team's last assignee;
 * - least open tickets (and skills, after filtering): fewest open tickets, then longest since one;
 * - weighted: fewest open tickets per unit of weight (an agent of weight 2 carries twice as many).
 */
export function pickOrder(strategy: Exclude<AssignmentStrategy, 'off'>, candidates: readonly Candidate[], lastAssigneeId: string | null): Candidate[] {
  const list = [...candidates];
  switch (strategy) {
    case 'round_robin': {
      list.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
      const next = lastAssigneeId === null ? 0 : list.findIndex((c) => c.userId > lastAssigneeId);
      return next <= 0 ? list : [...list.slice(next), ...list.slice(0, next)];
    }
    case 'weighted':
      return list.sort((a, b) => a.openCount / a.weight - b.openCount / b.weight || b.weight - a.weight || byLeastRecent(a, b));
    case 'least_open':
    case 'skills':
      return list.sort((a, b) => a.openCount - b.openCount || byLeastRecent(a, b));
  }
}
