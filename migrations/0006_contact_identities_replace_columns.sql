ALTER TABLE "contacts" DROP COLUMN "email";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "phone";