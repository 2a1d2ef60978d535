CREATE TABLE "automation_time_due" (
	"ticket_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"anchor_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rule_version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "automation_revision" ADD COLUMN "time_anchors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "automation_rule_firings" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "automation_rules" ADD COLUMN "time_trigger" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_time_due_ticket_rule_anchor_idx" ON "automation_time_due" USING btree ("ticket_id","rule_id","anchor_at");--> statement-breakpoint
CREATE INDEX "automation_time_due_due_idx" ON "automation_time_due" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "automation_time_due_rule_idx" ON "automation_time_due" USING btree ("rule_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rule_firings_time_idx" ON "automation_rule_firings" USING btree ("rule_id","ticket_id","due_at") WHERE due_at is not null;