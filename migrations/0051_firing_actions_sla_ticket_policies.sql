CREATE TABLE "automation_firing_actions" (
	"firing_id" uuid NOT NULL,
	"action_index" integer NOT NULL,
	"outcome" jsonb,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automation_firing_actions_firing_id_action_index_pk" PRIMARY KEY("firing_id","action_index")
);
--> statement-breakpoint
CREATE TABLE "sla_ticket_policies" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"chosen_at" timestamp with time zone NOT NULL
);
