-- The title-and-tags document of every article translation (issue 17 §2): the weights A and B of the
-- stored search document, under a GIN index of their own (article-matches.ts). Being an expression
-- of the stored document, building the index here is the backfill: every existing article has its
-- title document as soon as the migration ends, and no later write can leave the two out of step.
-- A plain CREATE INDEX: a knowledge base is tens of thousands of rows (50 000 articles, 66 667
-- translations, build time in BENCHMARKS.md), unlike the ticket tables whose indexes a job builds.
CREATE INDEX "kb_article_translations_title_idx" ON "kb_article_translations" USING gin (ts_filter("document", '{a,b}'::"char"[]));
