-- A filterable single-value ticket field keeps one index, `(value, updated_at desc, id desc)`
-- (tickets_fo_…, migration 0036 and src/modules/tickets/custom-field-indexes.ts); its older
-- `(value, id)` btree (tickets_f_…) served nothing the ordered one cannot, and every insert and
-- every update that moved an index column wrote both. An array field's GIN index keeps the
-- tickets_f_ name and stays. The table is found as the code finds it (the search path).
DO $$
DECLARE
  old_index record;
BEGIN
  FOR old_index IN
    SELECT c.oid::regclass AS name FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am am ON am.oid = c.relam
    WHERE i.indrelid = 'tickets'::regclass AND c.relname LIKE 'tickets\_f\_%' AND am.amname = 'btree'
  LOOP
    EXECUTE format('DROP INDEX IF EXISTS %s', old_index.name);
  END LOOP;
END
$$;
