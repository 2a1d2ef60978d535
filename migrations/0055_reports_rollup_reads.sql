DROP INDEX "report_tickets_open";--> statement-breakpoint
ALTER TABLE "report_tickets" ADD COLUMN "breached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "report_facts_measure_bucket_time" ON "report_facts" USING btree ("measure","bucket","occurred_at");--> statement-breakpoint
CREATE INDEX "report_tickets_open" ON "report_tickets" USING btree ("status","agent_id","breached") WHERE "report_tickets"."status" in ('new', 'open', 'pending');--> statement-breakpoint
-- Facts recorded before this migration: the tickets' breach flag and the first resolutions' buckets (measures.ts, resolutionBucket), then the rollups of resolutions again.
UPDATE "report_tickets" t SET "breached" = true WHERE EXISTS (SELECT 1 FROM "report_facts" f WHERE f."ticket_id" = t."ticket_id" AND f."measure" = 'sla.breached');--> statement-breakpoint
UPDATE "report_facts" f SET "bucket" = 1 + (CASE WHEN f."agent_replies" <= 1 THEN 1 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM "report_facts" b WHERE b."ticket_id" = f."ticket_id" AND b."measure" = 'sla.breached' AND b."occurred_at" <= f."occurred_at") THEN 2 ELSE 0 END)
  WHERE f."measure" = 'resolved' AND f."nth" = 1;--> statement-breakpoint
DELETE FROM "report_rollups" WHERE "measure" = 'resolved';--> statement-breakpoint
-- rollup-sql.ts's rollupRowsOf, for resolutions only; an installation that never saved its reporting time zone and runs another OPENCSM_TIMEZONE than Asia/Shanghai runs `opencsm reports backfill` (docs/reports.md).
INSERT INTO "report_rollups" ("grain", "bucket_start", "dimension", "value", "measure", "bucket", "count", "sum")
  SELECT g.grain, g.bucket_start, d.dimension, d.value, f.measure, f.bucket, count(*)::bigint, sum(f.value)::float8
  FROM "report_facts" f
  CROSS JOIN (SELECT coalesce((SELECT "time_zone" FROM "report_settings" WHERE "id" = 1), 'Asia/Shanghai') AS tz) z
  CROSS JOIN LATERAL (VALUES
    ('hour', date_trunc('hour', f.occurred_at AT TIME ZONE z.tz) AT TIME ZONE z.tz),
    ('day', date_trunc('day', f.occurred_at AT TIME ZONE z.tz) AT TIME ZONE z.tz)) g(grain, bucket_start)
  CROSS JOIN LATERAL (
    SELECT 'all' AS dimension, '' AS value
    UNION ALL SELECT 'team', f.team_id::text WHERE f.team_id IS NOT NULL
    UNION ALL SELECT 'agent', f.agent_id::text WHERE f.agent_id IS NOT NULL
    UNION ALL SELECT 'channel', f.channel WHERE f.channel IS NOT NULL
    UNION ALL SELECT 'type', f.type WHERE f.type IS NOT NULL
    UNION ALL SELECT 'category', f.category_id::text WHERE f.category_id IS NOT NULL
    UNION ALL SELECT 'priority', f.priority WHERE f.priority IS NOT NULL
    UNION ALL SELECT 'field:' || kv.key, kv.value FROM jsonb_each_text(f.fields) kv) d
  WHERE f.measure = 'resolved'
  GROUP BY 1, 2, 3, 4, 5, 6;
