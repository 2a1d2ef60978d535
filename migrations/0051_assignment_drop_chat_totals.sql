ALTER TABLE "assignment_agents" DROP COLUMN "chat_count";--> statement-breakpoint
ALTER TABLE "assignment_loads" DROP COLUMN "chat";