CREATE TABLE "service_type_versions" (
	"type_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"report_fields" jsonb NOT NULL,
	"report_form" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "service_type_versions_type_id_version_pk" PRIMARY KEY("type_id","version")
);
--> statement-breakpoint
CREATE TABLE "service_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"default_duration_minutes" integer DEFAULT 60 NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"check_in_radius_meters" integer DEFAULT 500 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"current_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_order_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"op_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"client_at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"distance_meters" integer,
	"beyond_radius" boolean,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"service_type_id" uuid NOT NULL,
	"service_type_version" integer,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"team_id" uuid,
	"engineer_id" uuid,
	"former_engineer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"requester_id" uuid,
	"site" jsonb,
	"appointment_start" timestamp with time zone,
	"appointment_end" timestamp with time zone,
	"appointment_agreed" boolean DEFAULT false NOT NULL,
	"device_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"report" jsonb,
	"reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sight_grants" (
	"ticket_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_sight_grants_ticket_id_user_id_source_pk" PRIMARY KEY("ticket_id","user_id","source")
);
--> statement-breakpoint
ALTER TABLE "service_type_versions" ADD CONSTRAINT "service_type_versions_type_id_service_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."service_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_steps" ADD CONSTRAINT "work_order_steps_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_service_type_id_service_types_id_fk" FOREIGN KEY ("service_type_id") REFERENCES "public"."service_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sight_grants" ADD CONSTRAINT "ticket_sight_grants_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_types_key" ON "service_types" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_attachments_client" ON "work_order_attachments" USING btree ("work_order_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_steps_op" ON "work_order_steps" USING btree ("op_id");--> statement-breakpoint
CREATE INDEX "work_order_steps_order_idx" ON "work_order_steps" USING btree ("work_order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number" ON "work_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "work_orders_ticket_idx" ON "work_orders" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "work_orders_engineer_idx" ON "work_orders" USING btree ("engineer_id","id");--> statement-breakpoint
CREATE INDEX "work_orders_team_idx" ON "work_orders" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "ticket_sight_grants_user_idx" ON "ticket_sight_grants" USING btree ("user_id","ticket_id");