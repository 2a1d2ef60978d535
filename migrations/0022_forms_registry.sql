CREATE TABLE "custom_fields" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" jsonb NOT NULL,
	"help" jsonb,
	"type" text NOT NULL,
	"options" jsonb,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"filterable" boolean DEFAULT false NOT NULL,
	"searchable" boolean DEFAULT false NOT NULL,
	"customer_visible" boolean DEFAULT false NOT NULL,
	"read_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"write_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forms_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "forms_revision_single_row" CHECK ("forms_revision"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "ticket_type_versions" (
	"type_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"form" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "ticket_type_versions_type_id_version_pk" PRIMARY KEY("type_id","version")
);
--> statement-breakpoint
CREATE TABLE "ticket_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"label" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"default_team_id" uuid,
	"default_priority" text,
	"sla_policy_id" uuid,
	"current_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "type_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "type_version" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_type_versions" ADD CONSTRAINT "ticket_type_versions_type_id_ticket_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."ticket_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_fields_entity_key" ON "custom_fields" USING btree ("entity","key");--> statement-breakpoint
CREATE INDEX "custom_fields_entity_position_idx" ON "custom_fields" USING btree ("entity","position");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_key" ON "ticket_types" USING btree ("key");