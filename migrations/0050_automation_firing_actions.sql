CREATE TABLE "automation_firing_actions" (
	"firing_id" uuid NOT NULL,
	"action_index" integer NOT NULL,
	"outcome" jsonb,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automation_firing_actions_firing_id_action_index_pk" PRIMARY KEY("firing_id","action_index")
);
