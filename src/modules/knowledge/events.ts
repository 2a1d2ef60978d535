import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The knowledge module's domain events. Reports compute knowledge-base usage and the deflection
 * rate from viewed / used / voted / deflection without reading the module's tables (issue 17 §7).
 */
const articleFacts = { version: z.number().int(), status: z.string(), visibility: z.string(), locales: z.array(z.string()) };

export const articleCreated = defineEvent({ name: 'knowledge.article_created', version: 1, aggregate: 'article', payload: { ...articleFacts, fromTicketId: z.string().optional() } });
export const articleUpdated = defineEvent({ name: 'knowledge.article_updated', version: 1, aggregate: 'article', payload: { ...articleFacts, fields: z.array(z.string()) } });
export const articleSubmitted = defineEvent({ name: 'knowledge.article_submitted', version: 1, aggregate: 'article', payload: { ...articleFacts, reviewerId: z.string().nullable() } });
/** A reviewer sent an article back to 草稿 (draft) with a note. */
export const articleRejected = defineEvent({ name: 'knowledge.article_rejected', version: 1, aggregate: 'article', payload: { ...articleFacts, note: z.string() } });
export const articlePublished = defineEvent({ name: 'knowledge.article_published', version: 1, aggregate: 'article', payload: articleFacts });
export const articleArchived = defineEvent({ name: 'knowledge.article_archived', version: 1, aggregate: 'article', payload: articleFacts });
export const articleRolledBack = defineEvent({ name: 'knowledge.article_rolled_back', version: 1, aggregate: 'article', payload: { ...articleFacts, restoredFrom: z.number().int() } });

/** A reader opened an article: in the help centre (`help`), from a suggestion in the web form or portal (`form`), or in the console (`console`). */
export const articleViewed = defineEvent({ name: 'knowledge.article_viewed', version: 1, aggregate: 'article', payload: { source: z.enum(['help', 'form', 'console']), locale: z.string() } });
/** An agent inserted an article into a ticket's reply or note. */
export const articleUsed = defineEvent({ name: 'knowledge.article_used', version: 1, aggregate: 'article', payload: { ticketId: z.string(), mode: z.enum(['link', 'content']), locale: z.string() } });
/** 有用吗？ A visitor's vote (a changed vote is recorded again, with `changed`). */
export const articleVoted = defineEvent({ name: 'knowledge.article_voted', version: 1, aggregate: 'article', payload: { voteId: z.string(), helpful: z.boolean(), reason: z.string().nullable(), changed: z.boolean() } });
/** An article opened by a visitor who then submitted no ticket within the window (30 min): one per opened visit. */
export const articleDeflection = defineEvent({ name: 'knowledge.deflection', version: 1, aggregate: 'article', payload: { visitId: z.string(), source: z.string(), openedAt: z.string() } });

/** A knowledge category was created or changed (name, parent, position). */
export const categorySaved = defineEvent({ name: 'knowledge.category_saved', version: 1, aggregate: 'kb_category', payload: { created: z.boolean(), parentId: z.string().nullable() } });

/** An image or attachment was added to an article. */
export const articleFileAdded = defineEvent({ name: 'knowledge.article_file_added', version: 1, aggregate: 'article', payload: { fileId: z.string(), sha256: z.string(), contentType: z.string(), size: z.number().int() } });
/** An image or attachment was taken off an article (its bytes stay in the content-addressed store; its address stops answering for this article). */
export const articleFileRemoved = defineEvent({ name: 'knowledge.article_file_removed', version: 1, aggregate: 'article', payload: { fileId: z.string(), sha256: z.string() } });
