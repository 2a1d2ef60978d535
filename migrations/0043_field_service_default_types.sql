-- The four service types every installation starts with (安装/维修/保养/巡检), each with a first,
-- empty form version an admin extends (POST /api/v1/service-types/{key}/versions). Fixed ids, so
-- demo data and docs can name them.
INSERT INTO "service_types" ("id", "key", "name", "default_duration_minutes", "position", "current_version") VALUES
  ('0190a1f0-0000-7000-8000-000000000001', 'repair', '{"zh-CN": "维修", "en": "Repair"}', 120, 0, 1),
  ('0190a1f0-0000-7000-8000-000000000002', 'installation', '{"zh-CN": "安装", "en": "Installation"}', 180, 1, 1),
  ('0190a1f0-0000-7000-8000-000000000003', 'maintenance', '{"zh-CN": "保养", "en": "Maintenance"}', 90, 2, 1),
  ('0190a1f0-0000-7000-8000-000000000004', 'inspection', '{"zh-CN": "巡检", "en": "Inspection"}', 60, 3, 1)
ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
INSERT INTO "service_type_versions" ("type_id", "version", "fields", "form", "report_fields", "report_form")
SELECT "id", 1, '[]', '{"sections": [], "rules": [], "portal": {"enabled": false, "fields": []}}', '[]', '{"sections": [], "rules": [], "portal": {"enabled": false, "fields": []}}'
FROM "service_types" WHERE "id"::text LIKE '0190a1f0-0000-7000-8000-00000000000_'
ON CONFLICT DO NOTHING;
