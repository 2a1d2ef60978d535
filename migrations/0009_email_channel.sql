CREATE TABLE "email_inbound" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_key" text,
	"envelope_from" text,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"mailbox_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"ticket_id" uuid,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "email_mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"signature" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'zh-CN' NOT NULL,
	"auto_acknowledge" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"outbound" jsonb,
	"outbound_password" text,
	"imap" jsonb,
	"imap_password" text,
	"imap_uid_validity" bigint,
	"imap_last_uid" bigint DEFAULT 0 NOT NULL,
	"imap_last_polled_at" timestamp with time zone,
	"imap_last_error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"ticket_number" text NOT NULL,
	"ticket_message_id" uuid,
	"direction" text NOT NULL,
	"mailbox_id" uuid,
	"from_address" text,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "email_inbound_source_key" ON "email_inbound" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "email_inbound_unprocessed_idx" ON "email_inbound" USING btree ("received_at") WHERE "email_inbound"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_mailboxes_address_key" ON "email_mailboxes" USING btree ("address");--> statement-breakpoint
CREATE INDEX "email_messages_ticket_idx" ON "email_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_ticket_message_idx" ON "email_messages" USING btree ("ticket_message_id");--> statement-breakpoint
CREATE INDEX "email_messages_message_id_lower_idx" ON "email_messages" USING btree (lower("message_id"));--> statement-breakpoint
CREATE INDEX "email_messages_ticket_number_idx" ON "email_messages" USING btree ("ticket_number");