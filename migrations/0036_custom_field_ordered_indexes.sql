-- Each filterable single-value ticket field gets a second index, in the list's default order
-- (src/modules/tickets/custom-field-indexes.ts makes it for fields marked filterable from now
-- on; this makes it for those marked before). The name is the one customFieldOrderedIndexName
-- spells: tickets_fo_<key, 40 characters>_<first 8 hex digits of sha256(key)>.
-- Not CONCURRENTLY (a migration runs in a transaction): on a large table, writes to tickets wait
-- for the build.
DO $$
DECLARE
  field record;
BEGIN
  FOR field IN
    SELECT key FROM custom_fields
    WHERE entity = 'ticket' AND filterable AND NOT archived
      AND type NOT IN ('multiselect', 'cascader', 'attachments')
      AND key ~ '^[a-z][a-z0-9_]{0,62}$'
  LOOP
    EXECUTE format(
      'CREATE INDEX IF NOT EXISTS %I ON tickets ((coalesce(fields ->> %L, '''') COLLATE "C"), updated_at DESC NULLS LAST, id DESC NULLS LAST)',
      'tickets_fo_' || left(field.key, 40) || '_' || left(encode(sha256(convert_to(field.key, 'UTF8')), 'hex'), 8),
      field.key
    );
  END LOOP;
END
$$;
