ALTER TABLE "import_jobs" ADD COLUMN "attachments_dir" text;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "warnings" jsonb;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "made_contact_ids" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "external_number" text;