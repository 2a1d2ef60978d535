import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { phoneFragments } from './contact-search.js';

/** GET /api/v1/contacts?q=: finding the requester while the phone rings. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Contact = { id: string; name: string; email: string | null; phone: string | null };

async function createRequester(requester: Record<string, string>): Promise<Contact> {
  return (await t.createTicket<{ requester: Contact }>({ subject: '来电', requester })).requester;
}

const lookup = (query: Record<string, string | number>, as: TestUser = t.admin) =>
  t.api('GET', `/api/v1/contacts?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { as: as });

async function found(q: string, as: TestUser = t.admin): Promise<string[]> {
  const res = await lookup({ q }, as);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: Contact[] }).items.map((c) => c.name);
}

describe('contact lookup', () => {
  before(async () => {
    await createRequester({ name: '张三丰', phone: '138 0013 8000' });
    await createRequester({ name: '张小三', email: 'xiaosan.zhang@example.cn' });
    await createRequester({ name: '李四', phone: '0755-8888 6666', email: 'li_si@corp.example' });
    await createRequester({ name: 'Wang Wu', phone: '+86 139 0000 1111', email: 'wangwu@example.com' });
    await createRequester({ name: '赵六', phone: '13800138001' });
  });

  test('by part of a Chinese name', async () => {
    assert.deepEqual(await found('张'), ['张三丰', '张小三']);
    assert.deepEqual((await found('三')).sort(), ['张三丰', '张小三'].sort());
    assert.deepEqual(await found('三丰'), ['张三丰']);
    assert.deepEqual(await found('wang'), ['Wang Wu'], 'Latin names case-insensitively');
  });

  test('by a phone number written any way, or part of it', async () => {
    assert.deepEqual(await found('138 0013 8000'), ['张三丰']);
    assert.deepEqual(await found('+86-138-0013-8000'), ['张三丰']);
    assert.deepEqual(await found('0086 13800138000'), ['张三丰']);
    assert.deepEqual(await found('138-0013-800'), ['张三丰', '赵六'], 'a prefix matches both numbers');
    assert.deepEqual(await found('0755 8888 6666'), ['李四']);
    assert.deepEqual(await found('88886666'), ['李四']);
    assert.deepEqual(await found('1111'), ['Wang Wu'], 'the last digits');
  });

  test('an exact phone match comes before partial ones', async () => {
    assert.deepEqual(await found('13800138001'), ['赵六']);
    const both = await found('1380013800');
    assert.deepEqual([...both].sort(), ['张三丰', '赵六'].sort());
  });

  test('by the start of an email address, with LIKE wildcards taken literally', async () => {
    assert.deepEqual(await found('xiaosan'), ['张小三']);
    assert.deepEqual(await found('XiaoSan.Zhang@'), ['张小三']);
    assert.deepEqual(await found('li_si@'), ['李四']);
    assert.deepEqual(await found('li%'), []);
    assert.deepEqual(await found('example'), [], 'only the start of an email matches');
  });

  test('returns id, name, email and phone; limit caps the items', async () => {
    const res = await lookup({ q: '张', limit: 1 });
    assert.equal(res.statusCode, 200, res.body);
    const items = (res.json() as { items: Contact[] }).items;
    assert.equal(items.length, 1);
    assert.deepEqual(Object.keys(items[0]!).sort(), ['anonymized', 'email', 'id', 'name', 'organization', 'phone', 'tierKey']);
    assert.equal(items[0]!.phone, '+8613800138000');
  });

  test('a requester\'s other tickets: GET /tickets?requesterId=', async () => {
    const contact = (await (await lookup({ q: '李四' })).json() as { items: Contact[] }).items[0]!;
    await createRequester({ phone: '07558888 6666' });
    const res = await t.api('GET', `/api/v1/tickets?requesterId=${contact.id}`);
    assert.equal((res.json() as { items: unknown[] }).items.length, 2);
  });

  test('validation names the field; field engineers may not browse contacts', async () => {
    for (const query of [{ q: 'x'.repeat(101) }, { q: '张', sort: 'random' }] as Array<Record<string, string>>) {
      const res = await lookup(query);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal((res.json() as { errors: Array<{ path: string }> }).errors[0]!.path, Object.keys(query).at(-1));
    }
    const badLimit = await lookup({ q: '张', limit: 101 });
    assert.equal((badLimit.json() as { errors: Array<{ path: string }> }).errors[0]!.path, 'limit');
    assert.equal((await lookup({ q: '张' }, await t.user('field_engineer'))).statusCode, 403);
    assert.equal((await lookup({ q: '张' }, await t.user('agent'))).statusCode, 200);
  });
});

test('phone fragments: typed digits, without trunk prefixes, and normalised', () => {
  assert.deepEqual(phoneFragments('138 0013 8000').sort(), ['13800138000', '8613800138000'].sort());
  assert.deepEqual(phoneFragments('0755-8888').sort(), ['07558888', '7558888'].sort());
  assert.deepEqual(phoneFragments('13'), []);
  assert.deepEqual(phoneFragments('张三'), []);
});

test('the lookup answers 401 without credentials', async () => {
  assert.equal((await t.api('GET', '/api/v1/contacts?q=x', { as: null })).statusCode, 401);
});
