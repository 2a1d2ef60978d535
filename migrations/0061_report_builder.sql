CREATE TABLE "report_schedules" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"frequency" text NOT NULL,
	"at" text NOT NULL,
	"weekday" integer,
	"month_day" integer,
	"recipient_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recipient_emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"last_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saved_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"shared_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_report_id_saved_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."saved_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_schedules_due" ON "report_schedules" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "saved_reports_owner" ON "saved_reports" USING btree ("owner_id","updated_at");