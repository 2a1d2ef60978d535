CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"first_row" integer NOT NULL,
	"last_row" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"settings_version" integer NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rolled_back_at" timestamp with time zone,
	"refused" jsonb
);
--> statement-breakpoint
CREATE TABLE "import_external_ids" (
	"entity" text NOT NULL,
	"external_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	CONSTRAINT "import_external_ids_entity_external_id_pk" PRIMARY KEY("entity","external_id")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"state" text DEFAULT 'uploaded' NOT NULL,
	"file_name" text NOT NULL,
	"file_kind" text NOT NULL,
	"encoding" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"header_row" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"value_maps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedup_rule" text DEFAULT 'skip' NOT NULL,
	"settings_version" integer DEFAULT 1 NOT NULL,
	"template_id" uuid,
	"checkpoint_row" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{"created":0,"updated":0,"skipped":0,"rejected":0}'::jsonb NOT NULL,
	"total_rows" integer,
	"dry_run" jsonb,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"batch_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"entity_id" uuid,
	"reason" text,
	"params" jsonb,
	"cells" jsonb,
	"before" jsonb,
	"after_version" integer,
	CONSTRAINT "import_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "import_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"value_maps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedup_rule" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_job_seq_key" ON "import_batches" USING btree ("job_id","seq");--> statement-breakpoint
CREATE INDEX "import_external_ids_batch_idx" ON "import_external_ids" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "import_rows_batch_idx" ON "import_rows" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "import_rows_entity_idx" ON "import_rows" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_templates_entity_name_key" ON "import_templates" USING btree ("entity","name");