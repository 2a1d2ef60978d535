ALTER TABLE "domain_events" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "contact_id" uuid;