CREATE TABLE "engineer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"home" jsonb,
	"daily_capacity" integer DEFAULT 4 NOT NULL,
	"last_lat" double precision,
	"last_lng" double precision,
	"last_seen_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_types" ADD COLUMN "auto_dispatch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "work_orders_schedule_idx" ON "work_orders" USING btree ("engineer_id","appointment_start");--> statement-breakpoint
CREATE INDEX "work_orders_unscheduled_idx" ON "work_orders" USING btree ("team_id") WHERE "work_orders"."status" in ('pending_dispatch', 'rejected');