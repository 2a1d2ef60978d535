CREATE TABLE "ticket_saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" text DEFAULT '-updatedAt' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_viewers" (
	"ticket_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"tab_id" text NOT NULL,
	"composing" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_viewers_ticket_id_user_id_tab_id_pk" PRIMARY KEY("ticket_id","user_id","tab_id")
);
--> statement-breakpoint
CREATE INDEX "ticket_saved_views_owner_idx" ON "ticket_saved_views" USING btree ("owner_id","position");--> statement-breakpoint
CREATE INDEX "ticket_viewers_expires_idx" ON "ticket_viewers" USING btree ("expires_at");