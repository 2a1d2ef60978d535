CREATE TABLE "channel_access_tokens" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"token" text,
	"expires_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone,
	"refreshes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"settings" jsonb NOT NULL,
	"secrets" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "channel_callback_nonces" (
	"account_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"subject" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_callback_nonces_account_id_nonce_pk" PRIMARY KEY("account_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "channel_inbound" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"raw" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"ticket_id" uuid
);
--> statement-breakpoint
CREATE TABLE "wechat_followers" (
	"account_id" uuid NOT NULL,
	"openid" text NOT NULL,
	"unionid" text,
	"contact_id" uuid,
	"subscribed" boolean DEFAULT true NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"sent_in_window" integer DEFAULT 0 NOT NULL,
	"processing_until" timestamp with time zone,
	CONSTRAINT "wechat_followers_account_id_openid_pk" PRIMARY KEY("account_id","openid")
);
--> statement-breakpoint
CREATE TABLE "wechat_outbound" (
	"ticket_message_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"openid" text NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wechat_ticket_threads" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"openid" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "channel_accounts_kind_idx" ON "channel_accounts" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "channel_callback_nonces_seen_idx" ON "channel_callback_nonces" USING btree ("seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_inbound_external_idx" ON "channel_inbound" USING btree ("account_id","external_id");