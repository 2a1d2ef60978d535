CREATE TABLE "email_quarantine" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inbound_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"ticket_number" text NOT NULL,
	"reason" text NOT NULL,
	"from_address" text,
	"subject" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"result_ticket_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_ticket_ccs" (
	"ticket_id" uuid NOT NULL,
	"address" text NOT NULL,
	"state" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_ticket_ccs_ticket_id_address_pk" PRIMARY KEY("ticket_id","address")
);
--> statement-breakpoint
ALTER TABLE "email_inbound" ADD COLUMN "client_ip" text;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD COLUMN "helo" text;--> statement-breakpoint
ALTER TABLE "email_inbound" ADD COLUMN "auth" jsonb;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "trusted_sender" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "email_quarantine_inbound_key" ON "email_quarantine" USING btree ("inbound_id");--> statement-breakpoint
CREATE INDEX "email_quarantine_pending_idx" ON "email_quarantine" USING btree ("created_at") WHERE "email_quarantine"."state" = 'pending';