/** How long until (positive) or since (negative) a stage's SLA due time, in whole minutes, and its parts for display. */
export function countdown(dueAt: string | Date, now: number): { overdue: boolean; hours: number; minutes: number } {
  const left = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  const size = Math.abs(left);
  return { overdue: left < 0, hours: Math.floor(size / 60), minutes: size % 60 };
}
