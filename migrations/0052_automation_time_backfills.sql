CREATE TABLE "automation_time_backfills" (
	"rule_id" uuid PRIMARY KEY NOT NULL,
	"rule_version" integer NOT NULL,
	"state" text NOT NULL,
	"scanned" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
