-- Data backfill (re-apply after renumbering): WeCom's member links and its robots' allowance rows
-- move to the channel platform's shared tables (channel_staff_links, channel_robot_sends,
-- channel_robot_pending), keyed by kind 'wecom' / robot key 'wecom:<team id>'. The next migration
-- drops the WeCom tables.
INSERT INTO "channel_staff_links" ("kind", "user_id", "external_user_id", "account_id", "updated_at", "updated_by")
SELECT 'wecom', "user_id", "wecom_userid", "account_id", "updated_at", "updated_by" FROM "wecom_staff_links"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "channel_robot_sends" ("id", "robot_key", "source_key", "kind", "body", "status", "error", "sent_at")
SELECT "id", 'wecom:' || "team_id", "source_key", "kind", "body", "status", "error", "sent_at" FROM "wecom_robot_sends"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "channel_robot_pending" ("id", "robot_key", "source_key", "line", "created_at", "digest_id")
SELECT "id", 'wecom:' || "team_id", "source_key", "line", "created_at", "digest_id" FROM "wecom_robot_pending"
ON CONFLICT DO NOTHING;
