CREATE TABLE "macros" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"owner_id" uuid,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"name" text NOT NULL,
	"shortcut" text,
	"body" text DEFAULT '' NOT NULL,
	"body_kind" text DEFAULT 'reply' NOT NULL,
	"actions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "macros_owner_idx" ON "macros" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "macros_scope_usage_idx" ON "macros" USING btree ("scope","usage_count" DESC NULLS LAST,"id");