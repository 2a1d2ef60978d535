import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { redactReply } from './redact-reply.js';
import { publishedArticle, zh } from './test-kit.js';

/** Issue 17 §4: "由此回复创建文章" with personal data removed and marked; the ticket records the articles used. */
let t: TestApp;
let agent: TestUser;
let supervisor: TestUser;

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
after(() => t.close());

test('redaction finds phones, emails, ticket numbers and the customer\'s name, and marks each place', () => {
  const out = redactReply('张伟您好，工单 20261201-0042 已处理。请拨打 138 0013 8000 或 0755-86001234，或写信到 zhang.wei@example.cn。型号 HP-2000 保修 2 年。', ['张伟']);
  assert.equal(out.text, '［客户 customer］您好，工单 ［工单号 ticket no.］ 已处理。请拨打 ［电话 phone］ 或 ［电话 phone］，或写信到 ［邮箱 email］。型号 HP-2000 保修 2 年。');
  assert.deepEqual(out.redactions.sort((a, b) => a.kind.localeCompare(b.kind)), [{ kind: 'email', count: 1 }, { kind: 'name', count: 1 }, { kind: 'phone', count: 2 }, { kind: 'ticket_number', count: 1 }]);
  assert.match(out.html, /<mark data-redacted="phone">［电话 phone］<\/mark>/);
});

test('an agent turns a public reply into a draft they own, personal data removed; a note is refused', async () => {
  const ticket = await t.createTicket({ subject: '李娜的打印机卡纸', requester: { name: '李娜', phone: '13900001111' } }, { as: agent });
  const reply = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: agent, body: { body: `李娜您好：\n\n请先关机，打开后盖取出卡纸。如仍有问题请致电 13900001111，或回复工单 ${ticket.number}。` } });
  assert.equal(reply.statusCode, 201, reply.body);
  const draft = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages/${reply.data.id}/article-draft`, { as: agent, body: { locale: 'zh-CN' } });
  assert.equal(draft.statusCode, 201, draft.body);
  const article = draft.data.article;
  assert.equal(article.status, 'draft');
  assert.equal(article.visibility, 'internal');
  assert.equal(article.ownerId, agent.id);
  assert.equal(article.translations[0].title, '［客户 customer］的打印机卡纸');
  const text = article.translations[0].bodyText;
  assert.doesNotMatch(text, /李娜|13900001111/);
  assert.ok(!text.includes(ticket.number));
  assert.match(article.translations[0].bodyHtml, /<mark data-redacted="phone">/);
  const note = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: agent, body: { body: '内部：客户很急', internal: true } });
  const refused = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages/${note.data.id}/article-draft`, { as: agent, body: {} });
  assertProblem(refused, 400, 'validation.failed');
  assert.equal(refused.data.errors[0].code, 'article.reply_is_internal');
  // Someone who cannot see the ticket cannot read its reply through an article either.
  const stranger = await t.user('field_engineer');
  assert.equal((await t.api('POST', `/api/v1/tickets/${ticket.id}/messages/${reply.data.id}/article-draft`, { as: stranger, body: {} })).statusCode, 403);
});

test('inserting an article into a reply records it on the ticket and as knowledge.article_used', async () => {
  const article = await publishedArticle(t, agent, supervisor, { translations: [zh('卡纸处理', '关机后取出卡纸。')], visibility: 'public' });
  const ticket = await t.createTicket({ subject: '卡纸' }, { as: agent });
  const used = await t.api('POST', `/api/v1/tickets/${ticket.id}/articles`, { as: agent, body: { articleId: article.id, locale: 'zh-CN', mode: 'content', into: 'reply' } });
  assert.equal(used.statusCode, 201, used.body);
  assert.equal(used.data.bodyText, '关机后取出卡纸。');
  const listed = await t.api('GET', `/api/v1/tickets/${ticket.id}/articles`, { as: agent });
  assert.deepEqual(listed.data.items.map((u: { articleId: string; mode: string }) => [u.articleId, u.mode]), [[article.id, 'content']]);
  const rows = (await t.database.db.execute(`select payload from domain_events where type = 'knowledge.article_used' and aggregate_id = '${article.id}'` as never)) as unknown as { rows: Array<{ payload: { ticketId: string } }> };
  assert.equal(rows.rows[0]!.payload.ticketId, ticket.id);
});
