CREATE TABLE "assignment_agents" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'offline' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_by" uuid,
	"capacity" integer DEFAULT 20 NOT NULL,
	"chat_capacity" integer DEFAULT 5 NOT NULL,
	"weight" smallint DEFAULT 1 NOT NULL,
	"skills" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"chat_count" integer DEFAULT 0 NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"weekly_shifts" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assignment_agents_weight" CHECK ("assignment_agents"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "assignment_loads" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"chat" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_queue" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"urgency" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_reply_watch" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"assignee_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_shift_exceptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_shift_exceptions_order" CHECK ("assignment_shift_exceptions"."starts_at" < "assignment_shift_exceptions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "assignment_team_settings" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"strategy" text DEFAULT 'off' NOT NULL,
	"skill_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"reassign_after_minutes" integer,
	"calendar_id" uuid,
	"last_assignee_id" uuid,
	"handout_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE INDEX "assignment_agents_idle" ON "assignment_agents" USING btree ("last_seen_at") WHERE "assignment_agents"."status" <> 'offline';--> statement-breakpoint
CREATE INDEX "assignment_queue_order" ON "assignment_queue" USING btree ("team_id","urgency" DESC NULLS LAST,"queued_at");--> statement-breakpoint
CREATE INDEX "assignment_reply_watch_due" ON "assignment_reply_watch" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "assignment_shift_exceptions_user" ON "assignment_shift_exceptions" USING btree ("user_id","ends_at");--> statement-breakpoint
CREATE INDEX "assignment_team_settings_handout" ON "assignment_team_settings" USING btree ("handout_at") WHERE "assignment_team_settings"."handout_at" is not null;