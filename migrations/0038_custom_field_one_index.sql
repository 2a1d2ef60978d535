-- A filterable single-value ticket field keeps one index, `(value, updated_at desc, id desc)`
-- (tickets_fo_…, migration 0036 and src/modules/tickets/custom-field-indexes.ts); its older
-- `(value, id)` btree (tickets_f_…) served nothing the ordered one cannot, and every insert and
-- every update that moved an index column wrote both. An array field's GIN index keeps the
-- tickets_f_ name and stays.
DO $$
DECLARE
  old_index record;
BEGIN
  FOR old_index IN
    SELECT indexname FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'tickets'
      AND indexname LIKE 'tickets\_f\_%' AND indexdef NOT LIKE '%USING gin%'
  LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I', old_index.indexname);
  END LOOP;
END
$$;
