CREATE TABLE "process_instances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"joins" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage_actors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "process_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"lineage" text[] DEFAULT '{}'::text[] NOT NULL,
	"assignee_user_id" uuid,
	"assignee_team_id" uuid,
	"assignee_role" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "process_instances" ADD CONSTRAINT "process_instances_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_tokens" ADD CONSTRAINT "process_tokens_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "process_instances_ticket" ON "process_instances" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "process_instances_version_idx" ON "process_instances" USING btree ("process_id","version");--> statement-breakpoint
CREATE INDEX "process_tokens_instance_idx" ON "process_tokens" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "process_tokens_stage_idx" ON "process_tokens" USING btree ("process_id","stage","entered_at");--> statement-breakpoint
CREATE INDEX "process_tokens_user_idx" ON "process_tokens" USING btree ("assignee_user_id","entered_at") WHERE "process_tokens"."assignee_user_id" is not null;--> statement-breakpoint
CREATE INDEX "process_tokens_team_idx" ON "process_tokens" USING btree ("assignee_team_id","entered_at") WHERE "process_tokens"."assignee_team_id" is not null;--> statement-breakpoint
CREATE INDEX "process_tokens_role_idx" ON "process_tokens" USING btree ("assignee_role","entered_at") WHERE "process_tokens"."assignee_role" is not null;