CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{"all":[]}'::jsonb NOT NULL,
	"targets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"calendar_id" uuid,
	"pause_statuses" text[] DEFAULT '{}'::text[] NOT NULL,
	"warning_percent" integer,
	"escalation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_sla_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sla_calendars"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_policies_position_idx" ON "sla_policies" USING btree ("position");--> statement-breakpoint
CREATE INDEX "sla_policies_calendar_idx" ON "sla_policies" USING btree ("calendar_id");--> statement-breakpoint
-- The default SLA policy (issue 6): every ticket, counted in the default calendar (calendar_id NULL
-- follows whichever calendar is the default), targets in business minutes per seeded priority,
-- the clock paused while waiting for the customer, a warning at 80 % and, at the breach,
-- the assignee and the supervisors told. A stable id so later seeds and docs can refer to it.
INSERT INTO "sla_policies" ("id", "name_zh", "name_en", "position", "active", "conditions", "targets", "calendar_id", "pause_statuses", "warning_percent", "escalation")
VALUES ('019ab000-0000-7000-8000-000000000101', '默认服务级别', 'Default service level', 0, true, '{"all":[]}'::jsonb, '{"urgent":{"firstResponseMinutes":30,"nextResponseMinutes":60,"resolutionMinutes":240},"high":{"firstResponseMinutes":60,"nextResponseMinutes":120,"resolutionMinutes":480},"normal":{"firstResponseMinutes":240,"nextResponseMinutes":480,"resolutionMinutes":1440},"low":{"firstResponseMinutes":480,"nextResponseMinutes":960,"resolutionMinutes":2400},"lowest":{"firstResponseMinutes":960,"resolutionMinutes":4800}}'::jsonb, NULL, '{pending}'::text[], 80, '[{"afterMinutes":0,"target":"any","actions":[{"type":"notify","to":"assignee"},{"type":"notify","to":"supervisors"}],"businessHoursOnly":true}]'::jsonb)
ON CONFLICT DO NOTHING;
