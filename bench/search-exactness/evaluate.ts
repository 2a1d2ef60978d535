import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database.js';
import { exactnessQueries, type QueryClass } from './queries.js';

/**
 * Search exactness against substring truth: a ticket is relevant to a query iff its subject,
 * description or one of its messages contains the query (case-insensitive for Latin). Recall and
 * precision are micro-averaged per query class (every relevant/found ticket of every query counts).
 */
export type ClassScore = { queries: number; relevant: number; found: number; correct: number; recall: number; precision: number };
export type QueryScore = { query: string; relevant: number; found: number; correct: number };
export type ExactnessReport = { texts: number; byClass: Record<QueryClass, ClassScore>; byQuery: QueryScore[] };

type StoredText = { id: string; fields: string[] };

/** The stored texts of every ticket, each field apart (a phrase spanning two fields is no match). */
async function storedTexts(database: Database): Promise<StoredText[]> {
  const rows = await queryRows<{ id: string; subject: string; description: string; bodies: string[] }>(database.db, sql`
    select t.id, t.subject, t.description, coalesce(array_agg(m.body) filter (where m.id is not null), '{}') as bodies
    from tickets t left join ticket_messages m on m.ticket_id = t.id group by t.id`);
  return rows.map((r) => ({ id: r.id, fields: [r.subject, r.description, ...r.bodies].map((f) => f.toLowerCase()) }));
}

export async function evaluateExactness(database: Database, search: (query: string) => Promise<Set<string>>): Promise<ExactnessReport> {
  const texts = await storedTexts(database);
  const byQuery: QueryScore[] = [];
  const byClass = {} as Record<QueryClass, ClassScore>;
  for (const [queryClass, queries] of Object.entries(exactnessQueries) as Array<[QueryClass, string[]]>) {
    const score: ClassScore = { queries: queries.length, relevant: 0, found: 0, correct: 0, recall: 1, precision: 1 };
    for (const query of queries) {
      const needle = query.toLowerCase();
      const relevant = new Set(texts.filter((t) => t.fields.some((f) => f.includes(needle))).map((t) => t.id));
      const found = await search(query);
      const correct = [...found].filter((id) => relevant.has(id)).length;
      byQuery.push({ query, relevant: relevant.size, found: found.size, correct });
      score.relevant += relevant.size;
      score.found += found.size;
      score.correct += correct;
    }
    score.recall = score.relevant ? score.correct / score.relevant : 1;
    score.precision = score.found ? score.correct / score.found : 1;
    byClass[queryClass] = score;
  }
  return { texts: texts.length, byClass, byQuery };
}
