import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inArray, sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { contacts } from './schema.js';

/** Contacts and organisations through the HTTP API: create, identities, validation, lookup, lists. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Identity = { id: string; kind: string; value: string; display: string };
type Contact = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  organization: { id: string; name: string } | null;
  tierKey: string | null;
  tags: string[];
  owner: { id: string; name: string } | null;
  notes: string;
  attributes: Record<string, unknown>;
  identities: Identity[];
  version: number;
};
type Problem = { status: number; code: string; title: string; errors?: Array<{ path: string; code: string; message: string }> };
type Page = { items: Array<{ id: string; name: string }>; nextCursor: string | null };

async function createContact(body: Record<string, unknown>): Promise<Contact> {
  const res = await t.api('POST', '/api/v1/contacts', { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Contact;
}

async function createOrganization(body: Record<string, unknown>): Promise<{ id: string; name: string; contactCount: number }> {
  const res = await t.api('POST', '/api/v1/organizations', { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** The single field error of a 400/409, as `{ status, code, path }`. */
function fieldError(res: { statusCode: number; json(): unknown }) {
  const problem = res.json() as Problem;
  assert.equal(problem.errors?.length, 1, JSON.stringify(problem));
  return { status: res.statusCode, code: problem.errors![0]!.code, path: problem.errors![0]!.path };
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

async function contactCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(contacts);
  return Number(row!.n);
}

describe('create', () => {
  test('an organisation and a contact with identities of every kind', async () => {
    const manager = await t.user('supervisor', { name: '客户经理 陈' });
    const org = await createOrganization({ name: ' 深圳华强电子有限公司 ', tierKey: 'vip', tags: ['制造业', ' 制造业 ', '深圳'], ownerId: manager.id, notes: '年度框架合同', attributes: { industry: 'electronics', employees: 1200 } });
    assert.equal(org.name, '深圳华强电子有限公司', 'the name is trimmed');
    assert.equal(org.contactCount, 0);

    const contact = await createContact({
      name: '王小明',
      organizationId: org.id,
      tierKey: 'key',
      tags: ['采购'],
      ownerId: manager.id,
      notes: '只在工作日联系',
      attributes: { title: '采购经理' },
      identities: [
        { kind: 'email', value: 'Xiaoming.Wang@HuaQiang.example' },
        { kind: 'phone', value: '+86-138-0013-8000' },
        { kind: 'phone', value: '0755-8888 6666 转 801' },
        { kind: 'wechat_openid', value: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' },
        { kind: 'wechat_unionid', value: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' },
        { kind: 'wecom_external_userid', value: 'wmJkPDDgAAxxxxyyyyzzzz' },
        { kind: 'dingtalk_userid', value: 'manager4711' },
      ],
    });
    assert.equal(contact.name, '王小明');
    assert.deepEqual(contact.organization, { id: org.id, name: '深圳华强电子有限公司' });
    assert.equal(contact.tierKey, 'key');
    assert.deepEqual(contact.tags, ['采购']);
    assert.deepEqual(contact.owner, { id: manager.id, name: '客户经理 陈' });
    assert.equal(contact.notes, '只在工作日联系');
    assert.deepEqual(contact.attributes, { title: '采购经理' });
    assert.equal(contact.version, 1);
    assert.equal(contact.email, 'xiaoming.wang@huaqiang.example', 'the first email, normalised');
    assert.equal(contact.phone, '+8613800138000', 'the first phone, E.164');
    assert.deepEqual(
      contact.identities.map(({ kind, value, display }) => ({ kind, value, display })),
      [
        { kind: 'email', value: 'xiaoming.wang@huaqiang.example', display: 'Xiaoming.Wang@HuaQiang.example' },
        { kind: 'phone', value: '+8613800138000', display: '138 0013 8000' },
        { kind: 'phone', value: '+8675588886666;ext=801', display: '0755 8888 6666 转 801' },
        { kind: 'wechat_openid', value: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', display: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' },
        { kind: 'wechat_unionid', value: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE', display: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' },
        { kind: 'wecom_external_userid', value: 'wmJkPDDgAAxxxxyyyyzzzz', display: 'wmJkPDDgAAxxxxyyyyzzzz' },
        { kind: 'dingtalk_userid', value: 'manager4711', display: 'manager4711' },
      ],
    );

    const read = await t.api('GET', `/api/v1/contacts/${contact.id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), JSON.parse(JSON.stringify(contact)), 'GET answers what POST answered');
    const orgNow = await t.api('GET', `/api/v1/organizations/${org.id}`);
    assert.equal((orgNow.json() as { contactCount: number }).contactCount, 1);
  });

  test('the same identity twice in one request is stored once', async () => {
    const contact = await createContact({ name: '重复输入', identities: [{ kind: 'phone', value: '139 1111 2222' }, { kind: 'phone', value: '+8613911112222' }] });
    assert.deepEqual(contact.identities.map((i) => i.value), ['+8613911112222']);
  });
});

describe('an identity that belongs to someone else', () => {
  let owner: Contact;
  before(async () => {
    owner = await createContact({ name: '李四', identities: [{ kind: 'email', value: 'li.si@owner.example' }, { kind: 'phone', value: '13800138001' }] });
  });

  test('written another way, it is a 409 naming the field', async () => {
    const before = await contactCount();
    const cases = [
      { identities: [{ kind: 'email', value: 'new@person.example' }, { kind: 'phone', value: '+86 138-0013-8001' }], path: 'identities.1.value' },
      { identities: [{ kind: 'email', value: 'LI.SI@Owner.Example' }], path: 'identities.0.value' },
      { identities: [{ kind: 'phone', value: '0086 138 0013 8001' }], path: 'identities.0.value' },
    ];
    for (const { identities, path } of cases) {
      const res = await t.api('POST', '/api/v1/contacts', { body: { name: '新客户', identities } });
      assertProblem(res, 409, 'contact.identity_taken');
      assert.deepEqual(fieldError(res), { status: 409, code: 'contact.identity_taken', path });
    }
    assert.equal(await contactCount(), before, 'no contact was created');
  });

  test('adding it to another contact is a 409 too, and changes nothing', async () => {
    const other = await createContact({ name: '王五' });
    const res = await t.api('POST', `/api/v1/contacts/${other.id}/identities`, { body: { kind: 'phone', value: '138 0013 8001' } });
    assertProblem(res, 409, 'contact.identity_taken');
    const after = (await t.api('GET', `/api/v1/contacts/${other.id}`)).json() as Contact;
    assert.deepEqual(after.identities, []);
    assert.equal(after.version, other.version);
  });

  test("the 409 names the owner's contactId, so the client can offer a merge", async () => {
    const created = await t.api('POST', '/api/v1/contacts', { body: { name: '新客户', identities: [{ kind: 'email', value: 'Li.Si@OWNER.example' }] } });
    assert.equal(created.statusCode, 409);
    assert.ok(created.body.includes(owner.id), `POST /contacts: ${created.body}`);
    const other = await createContact({ name: '另一位' });
    const added = await t.api('POST', `/api/v1/contacts/${other.id}/identities`, { body: { kind: 'phone', value: '+86 13800138001' } });
    assert.equal(added.statusCode, 409);
    assert.ok(added.body.includes(owner.id), `POST /contacts/{id}/identities: ${added.body}`);
  });
});

describe('validation names the field', () => {
  test('bad identities, unknown references, oversized attributes, unknown keys', async () => {
    const before = await contactCount();
    const cases: Array<[Record<string, unknown>, { code: string; path: string }]> = [
      [{ name: '甲', identities: [{ kind: 'phone', value: '12' }] }, { code: 'identity.invalid_phone', path: 'identities.0.value' }],
      [{ name: '甲', identities: [{ kind: 'email', value: 'ok@example.com' }, { kind: 'email', value: 'not-an-email' }] }, { code: 'identity.invalid_email', path: 'identities.1.value' }],
      [{ name: '甲', identities: [{ kind: 'wechat_openid', value: 'has spaces in it' }] }, { code: 'identity.invalid_platform_id', path: 'identities.0.value' }],
      [{ name: '甲', tierKey: 'platinum' }, { code: 'customer_tier.not_found', path: 'tierKey' }],
      [{ name: '甲', ownerId: '01890000-0000-7000-8000-000000000000' }, { code: 'customer.owner_invalid', path: 'ownerId' }],
      [{ name: '甲', organizationId: '01890000-0000-7000-8000-000000000001' }, { code: 'organization.not_found', path: 'organizationId' }],
      [{ name: '甲', attributes: { blob: 'x'.repeat(40 * 1024) } }, { code: 'customer.attributes_too_large', path: 'attributes' }],
      [{ name: '甲', nickname: '小甲' }, { code: 'validation.unrecognized_keys', path: 'nickname' }],
      [{ name: '  ' }, { code: 'validation.too_small', path: 'name' }],
    ];
    for (const [body, expected] of cases) {
      const res = await t.api('POST', '/api/v1/contacts', { body });
      assert.deepEqual(fieldError(res), { status: 400, ...expected }, `${JSON.stringify(body).slice(0, 80)} → ${res.body.slice(0, 300)}`);
    }
    assert.equal(await contactCount(), before, 'nothing was created');
  });

  test('the same checks apply to organisations and to PATCH', async () => {
    assert.deepEqual(fieldError(await t.api('POST', '/api/v1/organizations', { body: { name: '乙公司', tierKey: 'platinum' } })), { status: 400, code: 'customer_tier.not_found', path: 'tierKey' });
    assert.deepEqual(fieldError(await t.api('POST', '/api/v1/organizations', { body: { name: '乙公司', website: 'x' } })), { status: 400, code: 'validation.unrecognized_keys', path: 'website' });
    const contact = await createContact({ name: '丙' });
    assert.deepEqual(fieldError(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { organizationId: '01890000-0000-7000-8000-000000000002' } })), { status: 400, code: 'organization.not_found', path: 'organizationId' });
    assert.deepEqual(fieldError(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { identities: [] } })), { status: 400, code: 'validation.unrecognized_keys', path: 'identities' });
  });

  test('a field error has one path syntax, whether zod or the service found it', async () => {
    // An empty value is refused by the schema, an unreadable phone by the service: same field, same path.
    const empty = fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '丁', identities: [{ kind: 'phone', value: '' }] } }));
    const unreadable = fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '丁', identities: [{ kind: 'phone', value: '12' }] } }));
    assert.equal(unreadable.path, empty.path, `schema says ${empty.path}, service says ${unreadable.path}`);
  });

  test('adding an unreadable identity names the body field `value`', async () => {
    const contact = await createContact({ name: '戊' });
    const res = await t.api('POST', `/api/v1/contacts/${contact.id}/identities`, { body: { kind: 'phone', value: '12' } });
    assert.deepEqual(fieldError(res), { status: 400, code: 'identity.invalid_phone', path: 'value' });
  });
});

describe('update', () => {
  test('If-Match refuses a change made on stale data (412) and the data stays', async () => {
    const contact = await createContact({ name: '赵六', notes: 'v1' });
    const first = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { notes: 'v2' }, ifMatch: 1 });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal((first.json() as Contact).version, 2);
    const stale = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { name: '赵六六', notes: 'stale' }, ifMatch: 1 });
    assertProblem(stale, 412, 'contact.version_mismatch');
    const now = (await t.api('GET', `/api/v1/contacts/${contact.id}`)).json() as Contact;
    assert.deepEqual([now.name, now.notes, now.version], ['赵六', 'v2', 2]);
    const weak = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { notes: 'v3' }, headers: { 'if-match': 'W/"2"' } });
    assert.equal(weak.statusCode, 200, weak.body);
    assert.equal((weak.json() as Contact).version, 3);
    const bad = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { notes: 'v4' }, headers: { 'if-match': 'yesterday' } });
    assert.deepEqual(fieldError(bad), { status: 400, code: 'validation.invalid', path: 'If-Match' });
  });

  test('without If-Match the last writer wins; an unchanged PATCH keeps the version', async () => {
    const contact = await createContact({ name: '钱七', tags: ['a'] });
    const same = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { name: '钱七', tags: ['a'] } });
    assert.equal((same.json() as Contact).version, 1);
    const changed = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { tierKey: 'vip', tags: ['b', 'b '] } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual([(changed.json() as Contact).tierKey, (changed.json() as Contact).tags, (changed.json() as Contact).version], ['vip', ['b'], 2]);
  });

  test('the same attributes sent again are no change, whatever the order of their keys', async () => {
    const contact = await createContact({ name: '属性', attributes: { title: '采购经理', dept: '采购部' } });
    const again = await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { attributes: { title: '采购经理', dept: '采购部' } } });
    const org = await createOrganization({ name: '属性公司', attributes: { industry: '制造', city: '深圳' } });
    const orgAgain = await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { attributes: { industry: '制造', city: '深圳' } } });
    const versions = { contact: (again.json() as Contact).version, organization: (orgAgain.json() as { version: number }).version };
    assert.deepEqual(versions, { contact: 1, organization: 1 }, 'jsonb reorders keys; an unchanged object must still compare equal');
  });

  test('organisations: If-Match 412 too', async () => {
    const org = await createOrganization({ name: '版本测试公司' });
    assert.equal((await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { notes: 'x' }, ifMatch: 1 })).statusCode, 200);
    const stale = await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { notes: 'y' }, ifMatch: 1 });
    assertProblem(stale, 412, 'organization.version_mismatch');
  });
});

describe('identities', () => {
  test('add and remove, each bumping the version', async () => {
    const contact = await createContact({ name: '孙八', identities: [{ kind: 'email', value: 'sun.ba@example.com' }] });
    const added = await t.api('POST', `/api/v1/contacts/${contact.id}/identities`, { body: { kind: 'phone', value: '0755-8888 6666 转 12' } });
    assert.equal(added.statusCode, 201, added.body);
    const withPhone = added.json() as Contact;
    assert.deepEqual(withPhone.identities.map((i) => i.value), ['sun.ba@example.com', '+8675588886666;ext=12']);
    assert.equal(withPhone.phone, '+8675588886666;ext=12');
    assert.equal(withPhone.version, 2);

    const again = await t.api('POST', `/api/v1/contacts/${contact.id}/identities`, { body: { kind: 'phone', value: '+86 755 8888 6666 ext. 12' } });
    assert.equal(again.statusCode, 201, 'adding one it already has is harmless');
    assert.equal((again.json() as Contact).identities.length, 2);
    assert.equal((again.json() as Contact).version, 2, 'and changes nothing');

    const phone = withPhone.identities.find((i) => i.kind === 'phone')!;
    const removed = await t.api('DELETE', `/api/v1/contacts/${contact.id}/identities/${phone.id}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual((removed.json() as Contact).identities.map((i) => i.value), ['sun.ba@example.com']);
    assert.equal((removed.json() as Contact).phone, null);
    assert.equal((removed.json() as Contact).version, 3);
    assert.equal((await t.api('GET', `/api/v1/contacts/lookup?${query({ phone: '0755 88886666 转 12' })}`)).statusCode, 404);
    const twice = await t.api('DELETE', `/api/v1/contacts/${contact.id}/identities/${phone.id}`);
    assertProblem(twice, 404, 'identity.not_found');

    const history = (await t.api('GET', `/api/v1/contacts/${contact.id}/history`)).json() as { items: Array<{ type: string; actor: { id: string } | null }> };
    assert.deepEqual(history.items.map((h) => h.type), ['contact.identity_removed', 'contact.identity_added', 'contact.created']);
    assert.ok(history.items.every((h) => h.actor?.id === t.admin.id));
  });

  test('an identity of another contact cannot be removed through this one', async () => {
    const a = await createContact({ name: '周九', identities: [{ kind: 'email', value: 'zhou.jiu@example.com' }] });
    const b = await createContact({ name: '吴十' });
    const res = await t.api('DELETE', `/api/v1/contacts/${b.id}/identities/${a.identities[0]!.id}`);
    assert.equal(res.statusCode, 404);
    assert.equal(((await t.api('GET', `/api/v1/contacts/${a.id}`)).json() as Contact).identities.length, 1);
  });
});

describe('lookup', () => {
  let stored: Contact;
  before(async () => {
    stored = await createContact({ name: '郑查询', identities: [{ kind: 'phone', value: '13800138099' }, { kind: 'email', value: 'Zheng@Lookup.example' }, { kind: 'wechat_openid', value: 'oLookup_123' }] });
  });

  const lookup = (params: Record<string, string>) => t.api('GET', `/api/v1/contacts/lookup?${query(params)}`);

  test('finds the contact by a phone written another way', async () => {
    for (const phone of ['+86-138-0013-8099', '138 0013 8099', '0086 13800138099', '１３８００１３８０９９']) {
      const res = await lookup({ phone });
      assert.equal(res.statusCode, 200, `${phone}: ${res.body}`);
      assert.equal((res.json() as { id: string }).id, stored.id);
    }
    // As typed in a browser's address bar: the unencoded + arrives as a space.
    const raw = await t.api('GET', '/api/v1/contacts/lookup?phone=+86-138-0013-8099');
    assert.equal(raw.statusCode, 200, raw.body);
    assert.equal((raw.json() as { id: string }).id, stored.id);
  });

  test('by email in any case, and by kind and value', async () => {
    assert.equal(((await lookup({ email: 'ZHENG@lookup.EXAMPLE' })).json() as { id: string }).id, stored.id);
    const res = await lookup({ kind: 'wechat_openid', value: 'oLookup_123' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { id: stored.id, name: '郑查询', email: 'zheng@lookup.example', phone: '+8613800138099', organization: null, tierKey: null, anonymized: false });
    assert.equal((await lookup({ kind: 'wechat_openid', value: 'olookup_123' })).statusCode, 404, 'platform ids are case-sensitive');
  });

  test('404 when nobody has it; 400 for two identities or an unreadable one', async () => {
    const unknown = await lookup({ phone: '139 9999 0000' });
    assertProblem(unknown, 404, 'contact.not_found');
    const two = await lookup({ phone: '13800138099', email: 'zheng@lookup.example' });
    assert.equal(two.statusCode, 400);
    assert.equal((two.json() as Problem).errors?.[0]?.code, 'contact.lookup_needs_one');
    assert.equal((await lookup({})).statusCode, 400);
    assert.equal((await lookup({ kind: 'wechat_openid' })).statusCode, 400, 'kind without value');
    assert.deepEqual(fieldError(await lookup({ phone: '12' })), { status: 400, code: 'identity.invalid_phone', path: 'phone' });
  });
});

describe('list and search', () => {
  const names = ['张伟', '张伟', '张伟', 'Alice', 'alice', 'Bob', '王小明', '王小红', '汪洋', 'Émile', '李雷', '韩梅梅', '张三', 'Zed', '阿里', '张伟 ', '欧阳修', '司马光'];
  let orgP: string;
  let orgQ: string;
  const all: string[] = [];
  const inP: string[] = [];
  const vip: string[] = [];
  const tagged: string[] = [];

  before(async () => {
    orgP = (await createOrganization({ name: '列表测试甲公司' })).id;
    orgQ = (await createOrganization({ name: '列表测试乙公司' })).id;
    for (const [n, name] of names.entries()) {
      const org = n % 3 === 0 ? orgP : n % 3 === 1 ? orgQ : null;
      const tierKey = n % 4 === 0 ? 'vip' : n % 4 === 1 ? 'standard' : undefined;
      const tags = n % 2 === 0 ? ['list-test', '重点'] : ['list-test'];
      const contact = await createContact({ name, organizationId: org, tierKey, tags, identities: [{ kind: 'email', value: `list${n}@paging.example` }] });
      all.push(contact.id);
      if (org === orgP) inP.push(contact.id);
      if (tierKey === 'vip') vip.push(contact.id);
      if (tags.includes('重点')) tagged.push(contact.id);
    }
    // Ties on updatedAt (several rows in the same microsecond) and neighbours one microsecond apart.
    await t.database.db.update(contacts).set({ updatedAt: sql`'2025-03-01T08:00:00.123456Z'::timestamptz` }).where(inArray(contacts.id, all.slice(0, 7)));
    await t.database.db.update(contacts).set({ updatedAt: sql`'2025-03-01T08:00:00.123457Z'::timestamptz` }).where(inArray(contacts.id, all.slice(7, 10)));
    await t.database.db.update(contacts).set({ updatedAt: sql`'2025-03-01T08:00:00.123455Z'::timestamptz` }).where(inArray(contacts.id, all.slice(10, 12)));
  });

  async function allPages(params: Record<string, string | number | undefined>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const res = await t.api('GET', `/api/v1/contacts?${query({ ...params, cursor })}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as Page;
      assert.ok(body.items.length <= Number(params.limit ?? 50));
      ids.push(...body.items.map((i) => i.id));
      if (!body.nextCursor) return ids;
      cursor = body.nextCursor;
    }
    assert.fail('more than 50 pages');
  }

  /** The newest first, from the stored timestamps (microseconds) and ids. */
  async function newestFirst(ids: readonly string[]): Promise<string[]> {
    const rows = await t.database.db
      .select({ id: contacts.id, updatedAt: sql<string>`to_char(${contacts.updatedAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')` })
      .from(contacts)
      .where(inArray(contacts.id, [...ids]));
    const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return rows.sort((a, b) => compare(b.updatedAt, a.updatedAt) || compare(b.id, a.id)).map((r) => r.id);
  }

  for (const sort of ['name', '-updatedAt'] as const) {
    test(`every page in ${sort} order, without duplicates or gaps, with and without filters`, async () => {
      const filters: Array<[Record<string, string>, () => string[]]> = [
        [{ tag: 'list-test' }, () => all],
        [{ organizationId: orgP }, () => inP],
        [{ tierKey: 'vip', tag: 'list-test' }, () => vip],
        [{ tag: '重点' }, () => tagged],
        [{ organizationId: orgP, tag: '重点' }, () => inP.filter((id) => tagged.includes(id))],
      ];
      for (const [filter, expected] of filters) {
        // One big page is the reference order (whatever the database's collation); every paging must give exactly it.
        const reference = await allPages({ ...filter, sort, limit: 100 });
        assert.deepEqual([...reference].sort(), [...expected()].sort(), `${JSON.stringify(filter)}: exactly the matching contacts`);
        if (sort === '-updatedAt') assert.deepEqual(reference, await newestFirst(expected()), 'newest first, ties by id');
        if (sort === 'name') {
          const nameOf = new Map((await t.database.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, reference))).map((r) => [r.id, r.name]));
          const namesakes = reference.filter((id) => nameOf.get(id) === '张伟');
          const first = reference.indexOf(namesakes[0]!);
          assert.deepEqual(reference.slice(first, first + namesakes.length), [...namesakes].sort(), 'equal names are adjacent, ordered by id');
        }
        for (const limit of [1, 4, 7]) {
          const ids = await allPages({ ...filter, sort, limit });
          assert.equal(new Set(ids).size, ids.length, `duplicates with ${JSON.stringify(filter)} limit ${limit}`);
          assert.deepEqual(ids, reference, `${JSON.stringify(filter)} limit ${limit}`);
        }
      }
    });
  }

  test('a cursor from another sort, or a forged one, is refused naming `cursor`', async () => {
    const first = (await t.api('GET', `/api/v1/contacts?${query({ tag: 'list-test', sort: 'name', limit: 2 })}`)).json() as Page;
    assert.ok(first.nextCursor);
    const other = await t.api('GET', `/api/v1/contacts?${query({ tag: 'list-test', sort: '-updatedAt', limit: 2, cursor: first.nextCursor! })}`);
    assert.deepEqual(fieldError(other), { status: 400, code: 'validation.invalid', path: 'cursor' });
    for (const cursor of ['not-base64!', Buffer.from('["name","x","not-a-uuid"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      assert.deepEqual(fieldError(await t.api('GET', `/api/v1/contacts?${query({ tag: 'list-test', sort: 'name', cursor })}`)), { status: 400, code: 'validation.invalid', path: 'cursor' });
    }
  });

  test('organisation list pages too', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const body = (await t.api('GET', `/api/v1/organizations?${query({ q: '列表测试', sort: 'name', limit: 1, cursor })}`)).json() as Page;
      ids.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(ids, [orgQ, orgP], "乙 (U+4E59) sorts before 甲 (U+7532)");
  });

  test('search by part of a Chinese name, a few phone digits, an email prefix', async () => {
    await createContact({ name: '王大锤', identities: [{ kind: 'phone', value: '186 2233 4455' }, { kind: 'email', value: 'dachui.wang@search.example' }] });
    const found = async (q: string) => ((await t.api('GET', `/api/v1/contacts?${query({ q })}`)).json() as Page).items.map((i) => i.name);
    const wang = await found('王');
    for (const name of ['王大锤', '王小明', '王小红', '王五']) assert.ok(wang.includes(name), `王 finds ${name}: ${wang}`);
    assert.ok(wang.every((name) => name.includes('王')), `only names containing 王 (not 汪洋): ${wang}`);
    assert.deepEqual(await found('小红'), ['王小红']);
    assert.deepEqual(await found('大锤'), ['王大锤']);
    assert.deepEqual(await found('2233'), ['王大锤']);
    assert.deepEqual(await found('186-2233'), ['王大锤']);
    assert.deepEqual(await found('dachui.w'), ['王大锤']);
    assert.deepEqual(await found('DaChui'), ['王大锤']);
    assert.deepEqual(await found('search.example'), [], 'the domain alone is not a prefix');
    // With a filter the search is a keyset-paged list: 王小明 is in 甲, 王小红 in 乙.
    const filtered = await t.api('GET', `/api/v1/contacts?${query({ q: '王', organizationId: orgP })}`);
    assert.equal(filtered.statusCode, 200, filtered.body);
    assert.deepEqual((filtered.json() as Page).items.map((i) => i.name), ['王小明']);
  });
});
