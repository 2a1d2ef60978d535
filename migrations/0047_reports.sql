CREATE TABLE "report_facts" (
	"event_id" bigint NOT NULL,
	"measure" text NOT NULL,
	"ticket_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"bucket" integer NOT NULL,
	"agent_replies" integer,
	"nth" integer,
	"team_id" uuid,
	"agent_id" uuid,
	"channel" text,
	"type" text,
	"category_id" uuid,
	"priority" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	CONSTRAINT "report_facts_event_id_measure_pk" PRIMARY KEY("event_id","measure")
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"grain" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"measure" text NOT NULL,
	"bucket" integer NOT NULL,
	"count" bigint NOT NULL,
	"sum" double precision NOT NULL,
	CONSTRAINT "report_rollups_grain_measure_dimension_bucket_start_value_bucket_pk" PRIMARY KEY("grain","measure","dimension","bucket_start","value","bucket")
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_tickets" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"channel" text,
	"type" text,
	"category_id" uuid,
	"priority" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_response_at" timestamp with time zone,
	"agent_replies" integer DEFAULT 0 NOT NULL,
	"resolutions" integer DEFAULT 0 NOT NULL,
	"last_event_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_facts_measure_time" ON "report_facts" USING btree ("measure","occurred_at");--> statement-breakpoint
CREATE INDEX "report_facts_ticket" ON "report_facts" USING btree ("ticket_id","occurred_at");--> statement-breakpoint
CREATE INDEX "report_tickets_open" ON "report_tickets" USING btree ("status","agent_id") WHERE "report_tickets"."status" in ('new', 'open', 'pending');