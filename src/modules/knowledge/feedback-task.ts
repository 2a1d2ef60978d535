import type { FieldTypes } from '../../app/field-types.js';
import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import type { EventHandler } from '../../jobs/registry.js';
import { loadActor } from '../auth/index.js';
import { createTicket } from '../tickets/index.js';
import { articleVoted } from './events.js';
import { kbArticles, kbArticleTranslations } from './schema.js';

/**
 * A "没用" (not helpful) vote becomes a task for the article's owner. There is no task module, so a
 * task is what the team already works: an internal ticket (no requester, so no customer is ever
 * mailed) assigned to the owner, tagged 知识库反馈, with the visitor's reason and the article's
 * address. It then has the team's queues, SLA and notifications for free. One task per vote (the
 * vote's id is the idempotency key), so a visitor changing their reason does not multiply tasks.
 */
export function feedbackTaskHandler(config: Pick<Config, 'OPENCSM_TIMEZONE' | 'OPENCSM_PUBLIC_URL'>, fieldTypes: FieldTypes): EventHandler<typeof articleVoted> {
  return async (event, { database, log }) => {
    if (event.payload.helpful) return;
    const [article] = await database.db.select({ id: kbArticles.id, slug: kbArticles.slug, ownerId: kbArticles.ownerId }).from(kbArticles).where(eq(kbArticles.id, event.aggregateId));
    if (!article) return; // deleted since
    const owner = await loadActor(database.db, article.ownerId);
    if (!owner) {
      log.warn({ articleId: article.id }, 'knowledge feedback: the article owner is deactivated; no task created');
      return;
    }
    const titles = await database.db.select({ locale: kbArticleTranslations.locale, title: kbArticleTranslations.title }).from(kbArticleTranslations).where(eq(kbArticleTranslations.articleId, article.id));
    const title = titles.find((t) => t.locale === 'zh-CN')?.title ?? titles[0]?.title ?? article.slug;
    const base = config.OPENCSM_PUBLIC_URL?.replace(/\/$/, '') ?? '';
    await createTicket(
      database,
      owner,
      {
        subject: `知识库反馈：「${title}」没有帮到读者`,
        description: [`读者认为这篇文章没有用。 A reader found this article not helpful.`, `原因 Reason: ${event.payload.reason ?? '（未填写 not given）'}`, `文章 Article: ${base}/knowledge/${article.id}`, `帮助中心 Help centre: ${base}/help/articles/${article.slug}`].join('\n'),
        assigneeId: owner.id,
        tags: ['知识库反馈'],
        channel: 'api',
      },
      { timeZone: config.OPENCSM_TIMEZONE, idempotencyKey: `kb-vote:${event.payload.voteId}`, fieldTypes },
    );
  };
}
