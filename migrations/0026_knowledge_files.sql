CREATE TABLE "kb_article_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_article_files" ADD CONSTRAINT "kb_article_files_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_article_files_article_idx" ON "kb_article_files" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "kb_article_files_sha_idx" ON "kb_article_files" USING btree ("sha256");