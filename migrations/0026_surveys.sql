CREATE TABLE "survey_contact_state" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"last_csat_at" timestamp with time zone,
	"last_nps_at" timestamp with time zone,
	"quiet_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"csat_enabled" boolean DEFAULT true NOT NULL,
	"csat_delay_minutes" integer DEFAULT 60 NOT NULL,
	"csat_cooldown_days" integer DEFAULT 7 NOT NULL,
	"low_rating_threshold" smallint DEFAULT 2 NOT NULL,
	"follow_up_type_key" text DEFAULT 'callback' NOT NULL,
	"link_valid_days" integer DEFAULT 14 NOT NULL,
	"nps_enabled" boolean DEFAULT false NOT NULL,
	"nps_interval_days" integer DEFAULT 90 NOT NULL,
	"nps_sample_percent" smallint DEFAULT 100 NOT NULL,
	"nps_tier_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"nps_quiet_days_after_complaint" integer DEFAULT 30 NOT NULL,
	"nps_complaint_type_key" text DEFAULT 'complaint' NOT NULL,
	"nps_next_plan_at" timestamp with time zone,
	"nps_plan_cursor" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "survey_settings_single_row" CHECK ("survey_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"ticket_id" uuid,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"handler_id" uuid,
	"team_id" uuid,
	"organization_id" uuid,
	"tier_key" text,
	"period" text,
	"due_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"score" smallint,
	"comment" text,
	"commented_at" timestamp with time zone,
	"reason" text,
	"follow_up_ticket_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_score_range" CHECK ("surveys"."score" is null or ("surveys"."kind" = 'csat' and "surveys"."score" between 1 and 5) or ("surveys"."kind" = 'nps' and "surveys"."score" between 0 and 10))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_dedupe_key" ON "surveys" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "surveys_due" ON "surveys" USING btree ("due_at") WHERE "surveys"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "surveys_ticket" ON "surveys" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "surveys_contact" ON "surveys" USING btree ("contact_id","created_at");