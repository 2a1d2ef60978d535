ALTER TABLE "assignment_agents" ADD COLUMN "chat_capacities" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_agents" ADD COLUMN "chat_counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_loads" ADD COLUMN "chat_channel" text;--> statement-breakpoint
-- Which chat channel each open chat counts against (the load row knew only that it was a chat),
-- and each agent's count per channel, before the totals go.
UPDATE "assignment_loads" l SET "chat_channel" = t."channel" FROM "tickets" t WHERE t."id" = l."ticket_id" AND l."chat";--> statement-breakpoint
UPDATE "assignment_agents" a SET "chat_counts" = c."counts"
  FROM (SELECT "user_id", jsonb_object_agg("chat_channel", "n") AS "counts"
        FROM (SELECT "user_id", "chat_channel", count(*)::int AS "n" FROM "assignment_loads" WHERE "chat_channel" IS NOT NULL GROUP BY 1, 2) per_channel
        GROUP BY 1) c
  WHERE c."user_id" = a."user_id";--> statement-breakpoint
ALTER TABLE "assignment_agents" DROP COLUMN "chat_count";--> statement-breakpoint
ALTER TABLE "assignment_loads" DROP COLUMN "chat";