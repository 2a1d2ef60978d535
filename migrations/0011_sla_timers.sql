CREATE TABLE "sla_ticket_timers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"target" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"target_minutes" integer NOT NULL,
	"cycle" integer DEFAULT 1 NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"used_minutes" double precision DEFAULT 0 NOT NULL,
	"running_since" timestamp with time zone,
	"due_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"fired" text[] DEFAULT '{}'::text[] NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_ticket_timers_ticket_target_key" ON "sla_ticket_timers" USING btree ("ticket_id","target");--> statement-breakpoint
CREATE INDEX "sla_ticket_timers_next_check_idx" ON "sla_ticket_timers" USING btree ("next_check_at") WHERE "sla_ticket_timers"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "sla_ticket_timers_policy_idx" ON "sla_ticket_timers" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "tickets_sla_due_idx" ON "tickets" USING btree (coalesce("sla_due_at", '9999-12-31 00:00:00+00'::timestamptz) asc nulls first,"id" NULLS FIRST);