CREATE TABLE "sla_ticket_policies" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"chosen_at" timestamp with time zone NOT NULL
);
