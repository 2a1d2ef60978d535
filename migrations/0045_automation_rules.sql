CREATE TABLE "automation_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_rule_firings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"ticket_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"event_type" text NOT NULL,
	"event_cause" text NOT NULL,
	"depth" integer NOT NULL,
	"status" text NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"duration_ms" integer,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_rule_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'event' NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"conditions" jsonb DEFAULT '{"all":[]}'::jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"stop_after" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rule_firings_rule_event_idx" ON "automation_rule_firings" USING btree ("rule_id","event_id");--> statement-breakpoint
CREATE INDEX "automation_rule_firings_rule_idx" ON "automation_rule_firings" USING btree ("rule_id","id");--> statement-breakpoint
CREATE INDEX "automation_rule_firings_ticket_idx" ON "automation_rule_firings" USING btree ("ticket_id","rule_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rule_versions_rule_version_idx" ON "automation_rule_versions" USING btree ("rule_id","version","change");--> statement-breakpoint
CREATE INDEX "automation_rules_position_idx" ON "automation_rules" USING btree ("position");