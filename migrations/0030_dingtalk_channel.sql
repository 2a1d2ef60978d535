CREATE TABLE "channel_robot_pending" (
	"id" uuid PRIMARY KEY NOT NULL,
	"robot_key" text NOT NULL,
	"source_key" text NOT NULL,
	"line" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"digest_id" uuid
);
--> statement-breakpoint
CREATE TABLE "channel_robot_sends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"robot_key" text NOT NULL,
	"source_key" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_staff_links" (
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"external_user_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "channel_staff_links_kind_user_id_pk" PRIMARY KEY("kind","user_id")
);
--> statement-breakpoint
CREATE TABLE "dingtalk_outbound" (
	"ticket_message_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"route" text NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dingtalk_senders" (
	"account_id" uuid NOT NULL,
	"sender_key" text NOT NULL,
	"contact_id" uuid,
	"last_inbound_at" timestamp with time zone,
	"processing_until" timestamp with time zone,
	CONSTRAINT "dingtalk_senders_account_id_sender_key_pk" PRIMARY KEY("account_id","sender_key")
);
--> statement-breakpoint
CREATE TABLE "dingtalk_staff_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"task_id" text,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dingtalk_team_robots" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"webhook_url" text NOT NULL,
	"secret" text,
	"sandbox" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dingtalk_ticket_threads" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"conversation_type" text NOT NULL,
	"conversation_id" text NOT NULL,
	"sender_key" text NOT NULL,
	"staff_id" text,
	"session_webhook" text,
	"session_webhook_expires_at" timestamp with time zone,
	"message_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "channel_robot_pending_source_idx" ON "channel_robot_pending" USING btree ("robot_key","source_key");--> statement-breakpoint
CREATE INDEX "channel_robot_pending_open_idx" ON "channel_robot_pending" USING btree ("robot_key","digest_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_robot_sends_source_idx" ON "channel_robot_sends" USING btree ("robot_key","source_key");--> statement-breakpoint
CREATE INDEX "channel_robot_sends_recent_idx" ON "channel_robot_sends" USING btree ("robot_key","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dingtalk_staff_notifications_event_user_idx" ON "dingtalk_staff_notifications" USING btree ("event_id","user_id");