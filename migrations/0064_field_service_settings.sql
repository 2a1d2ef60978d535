CREATE TABLE "field_service_map_settings" (
	"scope" text PRIMARY KEY NOT NULL,
	"provider" text DEFAULT 'amap' NOT NULL,
	"api_key" text NOT NULL,
	"security_code_sealed" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_customer_notice_settings" ADD COLUMN "notice_kinds" text[] DEFAULT '{scheduled,rescheduled,cancelled}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "service_types" ADD COLUMN "auto_dispatch_pick" text DEFAULT 'best' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_types" ADD COLUMN "auto_dispatch_within_hours" integer;