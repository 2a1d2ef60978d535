CREATE TABLE "portal_upload_budgets" (
	"bucket" text NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "portal_upload_budgets_bucket_day_pk" PRIMARY KEY("bucket","day")
);
--> statement-breakpoint
CREATE INDEX "portal_upload_budgets_day_idx" ON "portal_upload_budgets" USING btree ("day");