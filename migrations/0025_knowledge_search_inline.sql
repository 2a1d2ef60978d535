-- Knowledge search documents stay in the row, uncompressed (as ticket_search, 0019): a search of a
-- common word tests each readable article's document newest first, and a TOASTed or compressed
-- document cost a fetch or a decompression per article. The bodies, read only for the few rows
-- shown, go out of line first (EXTERNAL); the document is handled last (MAIN).
ALTER TABLE "kb_article_translations" SET (toast_tuple_target = 8160);--> statement-breakpoint
ALTER TABLE "kb_article_translations" ALTER COLUMN "body_html" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "kb_article_translations" ALTER COLUMN "body_text" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "kb_article_translations" ALTER COLUMN "document" SET STORAGE MAIN;
