CREATE TABLE "sla_named_timers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"target_minutes" integer NOT NULL,
	"warn_after_minutes" double precision,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"used_minutes" double precision DEFAULT 0 NOT NULL,
	"running_since" timestamp with time zone,
	"due_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"fired" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "reminder_minutes" integer;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "escalate_minutes" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_named_timers_key" ON "sla_named_timers" USING btree ("key");--> statement-breakpoint
CREATE INDEX "sla_named_timers_ticket_idx" ON "sla_named_timers" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "sla_named_timers_next_check_idx" ON "sla_named_timers" USING btree ("next_check_at") WHERE "sla_named_timers"."next_check_at" is not null;