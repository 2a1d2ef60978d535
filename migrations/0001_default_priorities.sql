-- The default priority scale (five levels). Admins may rename, recolour, add or deactivate levels.
INSERT INTO "ticket_priorities" ("key", "name_zh", "name_en", "rank", "color", "is_default", "active") VALUES
  ('urgent', '紧急', 'Urgent', 1, 'red', false, true),
  ('high', '高', 'High', 2, 'orange', false, true),
  ('normal', '中', 'Normal', 3, 'blue', true, true),
  ('low', '低', 'Low', 4, 'green', false, true),
  ('lowest', '最低', 'Lowest', 5, 'default', false, true)
ON CONFLICT ("key") DO NOTHING;
