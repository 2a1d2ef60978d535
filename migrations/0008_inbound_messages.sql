CREATE TABLE "ticket_inbound_receipts" (
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"message_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_inbound_receipts_channel_external_id_pk" PRIMARY KEY("channel","external_id")
);
--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "meta" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "ticket_inbound_receipts_ticket_idx" ON "ticket_inbound_receipts" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_messages_customer_idx" ON "ticket_messages" USING btree ("ticket_id","created_at" DESC NULLS LAST) WHERE "ticket_messages"."author_contact_id" is not null;