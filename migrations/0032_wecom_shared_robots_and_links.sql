DROP TABLE "wecom_robot_pending" CASCADE;--> statement-breakpoint
DROP TABLE "wecom_robot_sends" CASCADE;--> statement-breakpoint
DROP TABLE "wecom_staff_links" CASCADE;