ALTER TABLE "approval_requests" ADD COLUMN "reminder_minutes" integer;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "escalate_minutes" integer;