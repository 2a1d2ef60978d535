CREATE TABLE "work_order_appointment_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"notice_key" text NOT NULL,
	"appointment_start" timestamp with time zone,
	"appointment_end" timestamp with time zone,
	"engineer_id" uuid,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_appointment_reminders" (
	"work_order_id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"appointment_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_customer_notice_settings" (
	"scope" text PRIMARY KEY NOT NULL,
	"notices_enabled" boolean DEFAULT true NOT NULL,
	"reminder_time" text,
	"company_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_service_reports" (
	"work_order_id" uuid PRIMARY KEY NOT NULL,
	"ticket_attachment_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_order_appointment_notices" ADD CONSTRAINT "work_order_appointment_notices_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_appointment_reminders" ADD CONSTRAINT "work_order_appointment_reminders_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_service_reports" ADD CONSTRAINT "work_order_service_reports_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_appointment_notices_key" ON "work_order_appointment_notices" USING btree ("notice_key");--> statement-breakpoint
CREATE INDEX "work_order_appointment_notices_order_idx" ON "work_order_appointment_notices" USING btree ("work_order_id","created_at");--> statement-breakpoint
CREATE INDEX "work_order_appointment_reminders_due" ON "work_order_appointment_reminders" USING btree ("due_at");