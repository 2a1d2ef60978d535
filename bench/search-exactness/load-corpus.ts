import type { Database } from '../../src/db/database.js';
import { loadBenchTickets } from '../../src/demo/bench-data.js';
import type { Actor } from '../../src/modules/auth/index.js';
import { indexTickets, listTickets } from '../../src/modules/tickets/index.js';

/**
 * The evaluation corpus in a database, searched through the real path: tickets bulk-loaded from
 * the seeded complaint generator (src/demo/complaint-texts.ts), indexed by the `tickets.index`
 * job's own function, and searched with `listTickets` as an admin sees it, page after page.
 */
export const exactnessCorpusSize = 2_000;

export async function loadExactnessCorpus(database: Database, size = exactnessCorpusSize): Promise<void> {
  const { ids } = await loadBenchTickets(database, { tickets: size, seed: 'search-exactness', index: false, batchSize: 500 });
  for (let i = 0; i < ids.length; i += 500) await indexTickets(database, ids.slice(i, i + 500));
}

const reader: Actor = { id: '00000000-0000-7000-8000-000000000000', email: 'bench@example.com', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };

export function searchAll(database: Database): (query: string) => Promise<Set<string>> {
  return async (query) => {
    const found = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listTickets(database.db, reader, { q: query, limit: 1000, cursor });
      for (const ticket of page.items) found.add(ticket.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  };
}
