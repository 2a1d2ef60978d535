CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"phone_e164" text NOT NULL,
	"client_ip" text,
	"account_id" uuid,
	"ticket_message_id" uuid,
	"template_id" text,
	"params" jsonb,
	"status" text NOT NULL,
	"vendor_message_id" text,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "portal_login_codes" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_login_codes" ADD COLUMN "phone" text;--> statement-breakpoint
CREATE INDEX "sms_messages_phone_idx" ON "sms_messages" USING btree ("phone_e164","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_ip_idx" ON "sms_messages" USING btree ("client_ip","created_at") WHERE "sms_messages"."client_ip" is not null;--> statement-breakpoint
CREATE INDEX "sms_messages_created_idx" ON "sms_messages" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_ticket_message_key" ON "sms_messages" USING btree ("ticket_message_id") WHERE "sms_messages"."ticket_message_id" is not null;--> statement-breakpoint
CREATE INDEX "portal_login_codes_phone_idx" ON "portal_login_codes" USING btree ("phone","created_at" DESC NULLS LAST) WHERE "portal_login_codes"."phone" is not null;--> statement-breakpoint
ALTER TABLE "portal_login_codes" ADD CONSTRAINT "portal_login_codes_one_address" CHECK (("portal_login_codes"."email" is null) <> ("portal_login_codes"."phone" is null));