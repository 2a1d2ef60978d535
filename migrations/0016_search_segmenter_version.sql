-- Documents stored before this migration were written by segmenter 1 (no character positions):
-- they get 1 and are rebuilt in the background (tickets.search_reindex); new ones default to 2.
ALTER TABLE "ticket_search" ADD COLUMN "segmenter" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_search" ALTER COLUMN "segmenter" SET DEFAULT 2;--> statement-breakpoint
CREATE INDEX "ticket_search_segmenter_idx" ON "ticket_search" USING btree ("segmenter");
