CREATE TABLE "approval_delegates" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"substitute_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"transition" text NOT NULL,
	"from_stage" text NOT NULL,
	"token_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"needed" integer NOT NULL,
	"tier" integer,
	"delegation" boolean NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"needs_attention" boolean DEFAULT false NOT NULL,
	"attention" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"approver_id" uuid NOT NULL,
	"status" text NOT NULL,
	"delegated_from" uuid,
	"reassigned_from" uuid,
	"added_by" uuid,
	"asked_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "process_instances" ADD COLUMN "approval_request_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_instance_id_process_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."process_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_ticket_idx" ON "approval_requests" USING btree ("ticket_id","requested_at");--> statement-breakpoint
CREATE INDEX "approval_requests_attention_idx" ON "approval_requests" USING btree ("requested_at","id") WHERE "approval_requests"."needs_attention" and "approval_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "approval_steps_request_idx" ON "approval_steps" USING btree ("request_id","position");--> statement-breakpoint
CREATE INDEX "approval_steps_pending_idx" ON "approval_steps" USING btree ("approver_id","asked_at","id") WHERE "approval_steps"."status" = 'pending';