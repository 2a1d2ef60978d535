import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { AppModule } from '../../app/context.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { TicketListFilters, type TicketListFilter } from '../../app/ticket-list-filters.js';
import { contributedFilterParams } from './contributed-filters.js';
import { listTicketsQuery } from './http-schemas.js';

/**
 * The ticket list's extension point (src/app/ticket-list-filters.ts): a module that is not the
 * tickets module contributes a named filter; the list, its export and the OpenAPI document take it.
 */
const subjectPrefix: TicketListFilter = {
  description: 'Tickets whose subject starts with the value (a test filter).',
  async condition(_db, value, { ticketId }) {
    if (value.length < 2) return { ok: false, refusal: { code: 'validation.too_small', params: { minimum: 2 } } };
    // Written as an outside module would: the tickets table only through the column it is given.
    return { ok: true, condition: sql`exists (select 1 from tickets own where own.id = ${ticketId} and starts_with(own.subject, ${value}))` };
  },
};
const prefixModule: AppModule = { name: 'subject_prefix_test', registerJobs: ({ ticketListFilters }) => ticketListFilters.register('subjectPrefix', subjectPrefix) };

describe('the registry of contributed list filters', () => {
  test('a filter registers once under a camel-case name and is found by it', () => {
    const filters = new TicketListFilters();
    assert.equal(filters.get('subjectPrefix'), undefined);
    filters.register('subjectPrefix', subjectPrefix);
    assert.equal(filters.get('subjectPrefix'), subjectPrefix);
    assert.deepEqual(filters.entries().map(([name]) => name), ['subjectPrefix']);
    assert.throws(() => filters.register('subjectPrefix', subjectPrefix), /registered twice/);
    assert.throws(() => filters.register('fields.x', subjectPrefix), /camel-case/);
    assert.throws(() => filters.register('Stage', subjectPrefix), /camel-case/);
  });

  test('a filter may not take the name of one of the list’s own parameters', () => {
    const filters = new TicketListFilters();
    filters.register('status', subjectPrefix);
    assert.throws(() => contributedFilterParams(filters, new Set(Object.keys(listTicketsQuery.shape))), /shadow/);
  });
});

describe('a contributed filter on the list', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({}, { extraModules: [prefixModule] });
    for (const subject of ['退款 A', '退款 B', '咨询 C']) await t.createTicket({ subject });
  });
  after(() => t.close());

  test('narrows the list and its export, ANDed with the list’s own filters', async () => {
    const refunds = await t.api('GET', '/api/v1/tickets', { query: { subjectPrefix: '退款', sort: 'createdAt' } });
    assert.equal(refunds.statusCode, 200, refunds.body);
    assert.deepEqual(refunds.data.items.map((item: { subject: string }) => item.subject), ['退款 A', '退款 B']);
    assert.deepEqual((await t.api('GET', '/api/v1/tickets', { query: { subjectPrefix: '退款', status: 'closed' } })).data.items, []);
    const exported = await t.api('GET', '/api/v1/tickets/export', { query: { subjectPrefix: '咨询', format: 'csv', columns: 'subject' } });
    assert.equal(exported.statusCode, 200, exported.body);
    assert.deepEqual(exported.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1), ['咨询 C']);
  });

  test('a refused value is a 400 naming the parameter; the OpenAPI document lists it', async () => {
    const problem = assertProblem(await t.api('GET', '/api/v1/tickets', { query: { subjectPrefix: '退' } }), 400, 'validation.failed');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['subjectPrefix', 'validation.too_small']]);
    const doc = await t.api('GET', '/api/openapi.json');
    const params: Array<{ name: string; description?: string }> = doc.data.paths['/api/v1/tickets'].get.parameters;
    assert.equal(params.find((p) => p.name === 'subjectPrefix')?.description, subjectPrefix.description);
  });

  test('without the module that contributes it, the name is an unknown parameter', async () => {
    const bare = await createTestApp({}, { withoutModules: ['workflow'] });
    try {
      const problem = assertProblem(await bare.api('GET', '/api/v1/tickets', { query: { stage: 'x:y' } }), 400, 'validation.failed');
      assert.equal(problem.errors?.[0]?.path, 'stage');
      assert.equal(problem.errors?.[0]?.code, 'validation.unrecognized_keys');
    } finally {
      await bare.close();
    }
  });
});
