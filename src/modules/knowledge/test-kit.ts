import assert from 'node:assert/strict';
import type { TestApp, TestUser } from '../../app/test-app.js';

/** Shared steps of the knowledge tests: write an article and move it through review with the real API. */
export async function writeArticle(t: TestApp, as: TestUser, body: Record<string, unknown>): Promise<{ id: string; slug: string; version: number }> {
  const res = await t.api('POST', '/api/v1/articles', { as, body });
  assert.equal(res.statusCode, 201, res.body);
  return res.data;
}

export async function move(t: TestApp, as: TestUser, id: string, transition: string, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number; status: string }> {
  const current = await t.api('GET', `/api/v1/articles/${id}`, { as });
  assert.equal(current.statusCode, 200, current.body);
  const res = await t.api('POST', `/api/v1/articles/${id}/transitions`, { as, ifMatch: current.data.version, body: { transition, ...extra } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
}

/** An article written by `writer` and published by `reviewer`. */
export async function publishedArticle(t: TestApp, writer: TestUser, reviewer: TestUser, body: Record<string, unknown>) {
  const article = await writeArticle(t, writer, body);
  await move(t, writer, article.id, 'submit');
  return move(t, reviewer, article.id, 'publish');
}

export const zh = (title: string, text: string) => ({ locale: 'zh-CN', title, bodyHtml: `<p>${text}</p>` });
