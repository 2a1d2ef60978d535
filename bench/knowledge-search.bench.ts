/**
 * `npm run bench` (part): knowledge-base search at 50 000 articles (issue 17 §2, target p95 < 100 ms).
 *
 * For each engine (PGlite; PostgreSQL when BENCH_DATABASE_URL is set, in a fresh database dropped
 * afterwards) it loads BENCH_ARTICLES articles (default 50 000) built from a pool of Chinese and
 * English support sentences — 70 % published, of those 60 % public, the rest internal or
 * restricted; 15 % drafts, the rest in review or archived; a third with an English translation —
 * with their search documents made by the same code as the service (articleDocument), then times
 * the reads through the module's own functions BENCH_ROUNDS times (default 100): the public help
 * centre's search (a common word, a rare phrase, a Latin word, a word no article has), an agent's
 * search with `??` for a public reply, suggestions for a ticket's subject, and the help centre's
 * first page. It also times building the title-and-tags index over the loaded articles (what
 * migration 0037 costs an installation that has them).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { searchArticles, suggestArticles } from '../src/modules/knowledge/index.js';
import { articleDocument } from '../src/modules/knowledge/article-rows.js';
import type { Actor } from '../src/modules/auth/index.js';
import { onEachEngine } from './on-each-engine.js';

const articleCount = Number(process.env.BENCH_ARTICLES ?? 50_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);

const subjects = ['打印机', '路由器', '发票', '退款', '会员卡', '快递', '空调', '热水器', '账号', '密码', '积分', '优惠券', '安装预约', '保修', '发货', '门店', '小程序', '支付', '充电桩', '宽带'];
const problems = ['无法使用', '经常断线', '卡纸', '显示错误代码', '申请流程', '多久到账', '怎么修改', '收不到验证码', '没有反应', '异响', '漏水', '登录失败', '扣款两次', '如何取消', '更换地址'];
const sentences = [
  '请先确认设备已接通电源，指示灯为绿色。', '如问题仍未解决，请记录错误代码并联系客服。', '在“我的订单”页面点击申请售后即可。', '退款将在三到五个工作日内原路退回。',
  '长按复位键十秒后设备会恢复出厂设置。', '工程师上门前会电话与您确认时间。', '发票可在订单完成后七天内申请。', '会员积分每月一日清零前会短信提醒。',
  'Open the app and sign in with your phone number.', 'If the light blinks red, restart the router.', 'Refunds return to the original payment method.', 'Error E42 means the paper tray is empty.',
  '保修期内的非人为损坏免费维修。', '快递一般在四十八小时内发出。', '请检查网线是否插紧，并重启光猫。', '修改密码后所有设备需要重新登录。',
];

function articleText(n: number): { title: string; body: string; tags: string[]; en?: { title: string; body: string } } {
  const subject = subjects[n % subjects.length]!;
  const problem = problems[(n * 7) % problems.length]!;
  const body = Array.from({ length: 6 + (n % 6) }, (_, k) => sentences[(n * 13 + k * 5) % sentences.length]).join('\n');
  return {
    title: `${subject}${problem}怎么办（${n}）`,
    body,
    tags: [subject, problem.slice(0, 2)],
    en: n % 3 === 0 ? { title: `${subject}: help article ${n}`, body: sentences.slice(8, 12).join('\n') } : undefined,
  };
}

async function load(database: Database): Promise<void> {
  const started = performance.now();
  const owner = uuidv7();
  for (let from = 0; from < articleCount; from += 1000) {
    const articles: ReturnType<typeof sql>[] = [];
    const translations: ReturnType<typeof sql>[] = [];
    for (let n = from; n < Math.min(articleCount, from + 1000); n++) {
      const id = uuidv7();
      const roll = n % 20;
      const status = roll < 14 ? 'published' : roll < 17 ? 'draft' : roll < 19 ? 'in_review' : 'archived';
      const visibility = n % 5 < 3 ? 'public' : n % 5 === 3 ? 'internal' : 'restricted';
      const text = articleText(n);
      const updated = new Date(Date.UTC(2026, 0, 1) + n * 60_000);
      articles.push(sql`(${id}::uuid, ${`bench-${n}`}, ${status}, ${visibility}, ${`{${text.tags.join(',')}}`}::text[], ${owner}::uuid, ${owner}::uuid, ${updated})`);
      const tiers = visibility === 'restricted' ? '{vip}' : '{}';
      translations.push(sql`(${id}::uuid, 'zh-CN', ${text.title}, ${`<p>${text.body}</p>`}, ${text.body}, ${status}, ${visibility}, ${tiers}::text[], ${owner}::uuid, ${articleDocument(text.title, text.tags, text.body)}::tsvector, ${updated})`);
      if (text.en) translations.push(sql`(${id}::uuid, 'en', ${text.en.title}, ${`<p>${text.en.body}</p>`}, ${text.en.body}, ${status}, ${visibility}, ${tiers}::text[], ${owner}::uuid, ${articleDocument(text.en.title, text.tags, text.en.body)}::tsvector, ${updated})`);
    }
    await database.db.execute(sql`insert into kb_articles (id, slug, status, visibility, tags, owner_id, created_by, updated_at) values ${sql.join(articles, sql`, `)}`);
    await database.db.execute(sql`insert into kb_article_translations (article_id, locale, title, body_html, body_text, status, visibility, tier_keys, owner_id, document, updated_at) values ${sql.join(translations, sql`, `)}`);
  }
  await database.db.execute(sql`vacuum analyze kb_articles`);
  await database.db.execute(sql`vacuum analyze kb_article_translations`);
  console.log(`  loaded ${articleCount} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function time(label: string, run: (i: number) => Promise<unknown[]>): Promise<void> {
  let found = 0;
  for (let i = 0; i < 5; i++) await run(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    found = (await run(i)).length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`  ${label.padEnd(52)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms   (${found} shown)`);
}

async function measure(engine: string, database: Database, url?: string): Promise<void> {
  console.log(`\n${engine}`);
  await runMigrations(database, url);
  await load(database);
  const db = database.db;
  // What migration 0037 costs an existing installation: building the title-and-tags index over the loaded articles.
  const rebuild = performance.now();
  await db.execute(sql`reindex index kb_article_translations_title_idx`);
  console.log(`  title-and-tags index built over ${articleCount} articles in ${((performance.now() - rebuild) / 1000).toFixed(1)} s`);
  if (process.env.BENCH_EXPLAIN) {
    // The plans behind the common-word figures (BENCH_EXPLAIN=1), under the settings article-matches.ts gives them.
    const show = async (label: string, settings: string[], statement: string) => {
      const rows = await db.transaction(async (tx) => {
        for (const setting of settings) await tx.execute(sql.raw(`set local ${setting} = off`));
        return (await tx.execute(sql.raw(`explain (analyze, buffers off, timing off) ${statement}`))) as unknown as { rows: Array<Record<string, string>> };
      });
      console.log(`-- ${label}\n${rows.rows.map((r) => Object.values(r)[0]).join('\n')}`);
    };
    const from = `from kb_article_translations t where t.status = 'published' and t.visibility = 'public'`;
    const newest = `order by t.updated_at desc nulls last limit 40`;
    await show('titles through their own index (退款: every title hit internal)', ['enable_indexscan', 'enable_seqscan'], `select t.article_id, t.locale ${from} and ts_filter(t.document, '{a,b}'::"char"[]) @@ '''退款'':A'::tsquery ${newest}`);
    const cutoff = `(select updated_at from kb_article_translations order by updated_at desc nulls last offset 1999 limit 1)`;
    await show('bodies walked newest first (退款)', ['enable_sort', 'enable_bitmapscan', 'enable_seqscan'], `select t.article_id, t.locale ${from} and ts_match_vq(t.document, '''退款'''::tsquery) and t.updated_at >= ${cutoff} ${newest}`);
  }
  const visitor = { kind: 'visitor' as const, organizationId: null, tierKeys: [] };
  const agent: Actor = { id: uuidv7(), email: 'a@example.test', name: 'agent', role: 'agent', locale: 'zh-CN', teamIds: [] };
  const staff = { kind: 'staff' as const, actor: agent };
  await time('help search: common word (退款)', () => searchArticles(db, visitor, { q: '退款', limit: 20 }));
  await time('help search: very common character (的)', () => searchArticles(db, visitor, { q: '的', limit: 20 }));
  await time('help search: phrase (打印机卡纸)', () => searchArticles(db, visitor, { q: '打印机卡纸', limit: 20 }));
  await time('help search: two words (路由器 断线)', () => searchArticles(db, visitor, { q: '路由器 断线', limit: 20 }));
  await time('help search: Latin word (router)', () => searchArticles(db, visitor, { q: 'router', limit: 20 }));
  await time('help search: rare (（12345）)', () => searchArticles(db, visitor, { q: '12345', limit: 20 }));
  await time('help search: nothing matches (量子纠缠)', () => searchArticles(db, visitor, { q: '量子纠缠', limit: 20 }));
  await time('help centre first page (no query)', () => searchArticles(db, visitor, { limit: 20 }));
  await time('agent search (发票), own drafts included', () => searchArticles(db, staff, { q: '发票', limit: 20 }));
  await time('agent ?? for a public reply (退款)', () => searchArticles(db, staff, { q: '退款', limit: 10, purpose: 'public_reply' }));
  await time('suggestions: ticket subject + text', () => suggestArticles(db, staff, '路由器经常断线，指示灯一直闪红色，重启也没用', { limit: 5 }));
  await time('suggestions while typing (打印机卡)', () => suggestArticles(db, visitor, '打印机卡', { limit: 5 }));
}

async function main(): Promise<void> {
  console.log(`knowledge search bench: ${articleCount} articles, ${rounds} rounds per query, Node ${process.version}`);
  await onEachEngine('opencsm_bench_knowledge', measure);
}

await main();
