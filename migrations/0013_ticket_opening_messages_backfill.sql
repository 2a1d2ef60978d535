-- Data backfill (no schema change), safe to re-apply: tickets that a customer's message created
-- before that message was kept as a message (email, web form, portal follow-up, phone, …) get it
-- now, so the timeline shows it with its attachments. Such a ticket has a receipt with no message
-- (the message became the ticket) and a `created` timeline entry that names no message. The message
-- is rebuilt from what was kept: the ticket's description as its text (the HTML was not kept), its
-- channel, its requester as author, its creation time; the files the customer sent with it (no
-- message, no uploading agent) are moved onto it. The `created` entry then names it. No domain
-- event is written: it is not a new message, and SLA and first-response figures do not change.
WITH opening AS MATERIALIZED (
  SELECT t.id AS ticket_id, t.requester_id, t.description, t.channel, t.created_at, e.id AS event_id, gen_random_uuid() AS message_id
  FROM tickets t
  JOIN ticket_events e ON e.ticket_id = t.id AND e.type = 'created' AND e.message_id IS NULL
  WHERE t.created_by IS NULL
    AND EXISTS (SELECT 1 FROM ticket_inbound_receipts r WHERE r.ticket_id = t.id AND r.message_id IS NULL)
),
messages AS (
  INSERT INTO ticket_messages (id, ticket_id, author_contact_id, internal, body, body_html, channel, meta, created_at)
  SELECT message_id, ticket_id, requester_id, false, description, NULL, channel, '{"backfilled": true}'::jsonb, created_at FROM opening
  RETURNING id
),
files AS (
  UPDATE ticket_attachments a SET message_id = o.message_id
  FROM opening o
  WHERE a.ticket_id = o.ticket_id AND a.message_id IS NULL AND a.uploaded_by IS NULL
  RETURNING a.id
)
UPDATE ticket_events e SET message_id = o.message_id
FROM opening o
WHERE e.id = o.event_id;
