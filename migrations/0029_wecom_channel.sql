CREATE TABLE "wecom_kf_cursors" (
	"account_id" uuid NOT NULL,
	"open_kfid" text NOT NULL,
	"cursor" text,
	"pages" integer DEFAULT 0 NOT NULL,
	"synced_at" timestamp with time zone,
	CONSTRAINT "wecom_kf_cursors_account_id_open_kfid_pk" PRIMARY KEY("account_id","open_kfid")
);
--> statement-breakpoint
CREATE TABLE "wecom_kf_customers" (
	"account_id" uuid NOT NULL,
	"external_userid" text NOT NULL,
	"open_kfid" text NOT NULL,
	"contact_id" uuid,
	"last_inbound_at" timestamp with time zone,
	"sent_in_window" integer DEFAULT 0 NOT NULL,
	"entered_at" timestamp with time zone,
	"scene" text,
	"processing_until" timestamp with time zone,
	CONSTRAINT "wecom_kf_customers_account_id_external_userid_pk" PRIMARY KEY("account_id","external_userid")
);
--> statement-breakpoint
CREATE TABLE "wecom_kf_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"msgid" text NOT NULL,
	"open_kfid" text NOT NULL,
	"external_userid" text,
	"item" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"ticket_id" uuid
);
--> statement-breakpoint
CREATE TABLE "wecom_outbound" (
	"ticket_message_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"external_userid" text NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wecom_robot_pending" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"line" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"digest_id" uuid
);
--> statement-breakpoint
CREATE TABLE "wecom_robot_sends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wecom_staff_links" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"wecom_userid" text NOT NULL,
	"account_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "wecom_staff_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wecom_team_robots" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"webhook_key" text NOT NULL,
	"api_base_url" text NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "wecom_ticket_threads" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"open_kfid" text NOT NULL,
	"external_userid" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wecom_kf_messages_msgid_idx" ON "wecom_kf_messages" USING btree ("account_id","msgid");--> statement-breakpoint
CREATE UNIQUE INDEX "wecom_robot_pending_source_idx" ON "wecom_robot_pending" USING btree ("team_id","source_key");--> statement-breakpoint
CREATE INDEX "wecom_robot_pending_open_idx" ON "wecom_robot_pending" USING btree ("team_id","digest_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wecom_robot_sends_source_idx" ON "wecom_robot_sends" USING btree ("team_id","source_key");--> statement-breakpoint
CREATE INDEX "wecom_robot_sends_recent_idx" ON "wecom_robot_sends" USING btree ("team_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wecom_staff_notifications_event_user_idx" ON "wecom_staff_notifications" USING btree ("event_id","user_id");