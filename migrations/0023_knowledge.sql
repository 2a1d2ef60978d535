CREATE TABLE "kb_article_translations" (
	"article_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text NOT NULL,
	"visibility" text NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tier_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"document" "tsvector" NOT NULL,
	"segmenter" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_translations_article_id_locale_pk" PRIMARY KEY("article_id","locale")
);
--> statement-breakpoint
CREATE TABLE "kb_article_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"locale" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_article_versions" (
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"restored_from" integer,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_versions_article_id_number_pk" PRIMARY KEY("article_id","number")
);
--> statement-breakpoint
CREATE TABLE "kb_article_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	"source" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"ticket_submitted_at" timestamp with time zone,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kb_article_votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	"helpful" boolean NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tier_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"review_by" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_article_translations" ADD CONSTRAINT "kb_article_translations_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_uses" ADD CONSTRAINT "kb_article_uses_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_versions" ADD CONSTRAINT "kb_article_versions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_visits" ADD CONSTRAINT "kb_article_visits_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_votes" ADD CONSTRAINT "kb_article_votes_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_article_translations_document_idx" ON "kb_article_translations" USING gin ("document");--> statement-breakpoint
CREATE INDEX "kb_article_translations_status_idx" ON "kb_article_translations" USING btree ("status","visibility","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "kb_article_uses_ticket_idx" ON "kb_article_uses" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "kb_article_uses_article_idx" ON "kb_article_uses" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "kb_article_visits_due_idx" ON "kb_article_visits" USING btree ("due_at") WHERE "kb_article_visits"."settled_at" is null;--> statement-breakpoint
CREATE INDEX "kb_article_visits_visitor_idx" ON "kb_article_visits" USING btree ("visitor_key","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_article_votes_visitor_idx" ON "kb_article_votes" USING btree ("article_id","visitor_key");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_slug_idx" ON "kb_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "kb_articles_owner_idx" ON "kb_articles" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "kb_categories_parent_idx" ON "kb_categories" USING btree ("parent_id");