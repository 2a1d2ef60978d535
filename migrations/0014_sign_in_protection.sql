CREATE TABLE "login_throttles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone,
	"last_locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sign_in_audit" ADD CONSTRAINT "sign_in_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "login_throttles_key_key" ON "login_throttles" USING btree ("key");--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "sign_in_audit_created_idx" ON "sign_in_audit" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sign_in_audit_user_idx" ON "sign_in_audit" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_audit_user_success_ip_idx" ON "sign_in_audit" USING btree ("user_id","ip") WHERE "sign_in_audit"."outcome" = 'success';