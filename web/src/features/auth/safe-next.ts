/** Where to go after login: only same-site paths, so a crafted `next` cannot send the agent to another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/tickets';
  return next;
}
