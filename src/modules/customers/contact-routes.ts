import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { invalidField, NotFound } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { contactFieldConditions } from './contact-field-filters.js';
import { listContacts, searchContacts } from './contact-search.js';
import { addIdentity, createContact, getContact, lookupContact, removeIdentity, updateContact, type IdentityInput } from './contacts.js';
import { findContactDuplicates } from './duplicates.js';
import { customerHistory } from './history.js';
import { contactSchema, contactSummarySchema, fieldsDescription, historyEntrySchema, idParams, identityInput, identityKindSchema, listQuery, mergeBody, movedSchema, optionalIfMatch, profileBody } from './http-schemas.js';
import { mergeContacts } from './merge.js';
import { anonymiseContact } from './privacy.js';
import { fieldFiltersFromQuery } from '../forms/index.js';

const tags = ['contacts'];
const ifMatchHeader = z.object({ 'if-match': z.string().optional() });
const listContactsQuery = z
  .object({ ...listQuery, organizationId: z.uuid().optional() })
  .catchall(z.string().max(4100).describe('`fields.<key>=a,b`: a filterable select, multi select or cascader of contacts holds one of these values. Any other name is refused.'));

/** Contacts (联系人): CRUD, identities, lookup, duplicates, merge, history and anonymisation. */
export function registerContactRoutes(app: AppServer, { database, fieldTypes }: AppContext): void {
  app.get('/api/v1/contacts', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: '联系人列表与搜索 List and search contacts',
      description: '`q` matches part of the name (e.g. 张 or 三), a phone number written any way (`138 0013 8000`, `+86-138…`, or a few digits of it), the start of an email address, or a platform id. With `q` and no cursor or other filter, the best matches come first (exact phone or email, then names starting with `q`); otherwise the list is keyset-paged by `sort`. A contact\'s tickets: `GET /api/v1/tickets?requesterId=<id>`. `fields.<key>=a,b` keeps contacts whose filterable select (multi select, cascader: any level) holds one of the values; another field, or one the caller may not read, is a 400 at `fields.<key>`.',
      querystring: listContactsQuery,
      response: { 200: z.object({ items: z.array(contactSummarySchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const { q, cursor, organizationId, tierKey, tag, ownerId, limit, sort } = request.query;
    const known = new Set(Object.keys(listContactsQuery.shape));
    const filters = fieldFiltersFromQuery(request.query, known);
    // Typing a caller's name or number: rank by relevance (one page is all anyone reads).
    if (q && !cursor && !organizationId && !tierKey && !tag && !ownerId && Object.keys(filters).length === 0) return { items: await searchContacts(database.db, q, limit), nextCursor: null };
    const fieldConditions = await contactFieldConditions(database.db, filters, actorOf(request));
    return listContacts(database.db, { q, cursor, organizationId, tierKey, tag, ownerId, limit, sort, fieldConditions });
  });

  app.get('/api/v1/contacts/lookup', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: '按身份查找联系人 Look up a contact by identity',
      description: 'Exactly one of `phone` (any format), `email`, or `kind` + `value` (e.g. `kind=wechat_openid&value=o6_bm…`). 404 when nobody has it. A merged contact answers as its survivor.',
      querystring: z.strictObject({ phone: z.string().trim().min(1).max(60).optional(), email: z.string().trim().min(1).max(254).optional(), kind: identityKindSchema.optional(), value: z.string().trim().min(1).max(254).optional() }),
      response: { 200: contactSummarySchema },
    },
  }, async (request) => {
    const { phone, email, kind, value } = request.query;
    const given: IdentityInput[] = [
      ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
      ...(email ? [{ kind: 'email' as const, value: email }] : []),
      ...(kind && value ? [{ kind, value }] : []),
    ];
    if (given.length !== 1 || Boolean(kind) !== Boolean(value)) throw invalidField('phone', 'contact.lookup_needs_one');
    const contact = await lookupContact(database.db, given[0]!);
    if (!contact) throw new NotFound('contact.not_found');
    return contact;
  });

  app.post('/api/v1/contacts', {
    config: { permission: 'customers.write' },
    schema: {
      tags,
      summary: '创建联系人 Create a contact',
      description: `An identity that belongs to someone else answers 409 \`contact.identity_taken\` naming the owner (\`contactId\`), so the client can offer to merge. ${fieldsDescription}`,
      body: z.strictObject({ name: z.string().trim().min(1).max(100), organizationId: z.uuid().nullable().optional(), identities: z.array(identityInput).max(20).optional(), ...profileBody }),
      response: { 201: contactSchema },
    },
  }, async (request, reply) => reply.status(201).send(await createContact(database, actorOf(request), request.body, fieldTypes)));

  app.get('/api/v1/contacts/:id', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '联系人详情 Get a contact (308 to the survivor when merged)', params: idParams, response: { 200: contactSchema } },
  }, async (request) => getContact(database.db, request.params.id, actorOf(request)));

  app.patch('/api/v1/contacts/:id', {
    config: { permission: 'customers.write' },
    schema: {
      tags,
      summary: '修改联系人 Update a contact',
      description: `Send \`If-Match: "<version>"\` to refuse (412) a change made on stale data. ${fieldsDescription}`,
      params: idParams,
      headers: ifMatchHeader,
      body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), organizationId: z.uuid().nullable().optional(), ...profileBody }),
      response: { 200: contactSchema },
    },
  }, async (request) => updateContact(database, actorOf(request), request.params.id, optionalIfMatch(request.headers['if-match']), request.body, fieldTypes));

  app.post('/api/v1/contacts/:id/identities', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: '添加联系方式 Add an identity', params: idParams, body: identityInput, response: { 201: contactSchema } },
  }, async (request, reply) => reply.status(201).send(await addIdentity(database, actorOf(request), request.params.id, request.body)));

  app.delete('/api/v1/contacts/:id/identities/:identityId', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: '删除联系方式 Remove an identity', params: z.object({ id: z.uuid(), identityId: z.uuid() }), response: { 200: contactSchema } },
  }, async (request) => removeIdentity(database, actorOf(request), request.params.id, request.params.identityId));

  app.get('/api/v1/contacts/:id/duplicates', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: '疑似重复的联系人 Likely duplicates',
      description: 'Reasons: `same_phone` (same number, other extension), `same_email` (same mailbox: case, +tag, Gmail dots), `similar_name` (same organisation).',
      params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ contact: contactSummarySchema, reasons: z.array(z.enum(['same_phone', 'same_email', 'similar_name'])) })) }) },
    },
  }, async (request) => ({ items: await findContactDuplicates(database.db, request.params.id) }));

  app.post('/api/v1/contacts/merge', {
    config: { permission: 'customers.merge' },
    schema: {
      tags,
      summary: '合并联系人 Merge a contact into another',
      description: '`sourceId` is merged into `targetId` (the survivor): identities, external records and tickets move; `GET /contacts/{sourceId}` then answers 308 to the survivor. Recorded in both contacts\' history. The survivor keeps its custom field values and takes the merged one\'s where it has none (`fieldsTaken` lists their keys).',
      body: mergeBody,
      response: { 200: z.object({ survivor: contactSchema, moved: movedSchema, fieldsTaken: z.array(z.string()) }) },
    },
  }, async (request) => mergeContacts(database, actorOf(request), request.body.sourceId, request.body.targetId));

  app.get('/api/v1/contacts/:id/history', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '变更记录 Audit trail of a contact', params: idParams, response: { 200: z.object({ items: z.array(historyEntrySchema) }) } },
  }, async (request) => ({ items: await customerHistory(database.db, 'contact', request.params.id, actorOf(request)) }));

  app.post('/api/v1/contacts/:id/anonymize', {
    config: { permission: 'customers.privacy' },
    schema: {
      tags,
      summary: '匿名化联系人（个人信息删除）Anonymise a contact (PIPL erasure)',
      description: 'Erases name, identities, notes, tags and attributes, the payloads of its past events, and (through the tickets module) the customer\'s own words in ticket descriptions and messages. Ticket counts, times and categories stay for statistics. Irreversible.',
      params: idParams,
      response: { 200: contactSchema },
    },
  }, async (request) => anonymiseContact(database, actorOf(request), request.params.id));
}
