-- Data backfill (no schema change), safe to re-apply: domain events written before typed events
-- get the cause they imply, as their definitions read them (src/modules/*/events.ts,
-- causeOfOldRow). SLA firings and changes made by the SLA's system actor: 'sla'; a customer's
-- message, a ticket a customer opened (no creating user), a status a customer's message or the
-- requester changed: 'customer', with the contact where the payload names it; any other change
-- with an acting user: 'agent'; the rest: 'system'. Payloads keep their old shape (version 1):
-- readers upgrade them, so this file can be re-applied at any time.
UPDATE domain_events SET
  cause = CASE
    WHEN type LIKE 'sla.%' OR actor_id = '00000000-0000-7000-8000-00000000051a' THEN 'sla'
    WHEN type = 'ticket.message_added' AND payload->>'authorContactId' IS NOT NULL THEN 'customer'
    WHEN type = 'ticket.updated' AND payload->>'cause' IN ('requester', 'customer_message') THEN 'customer'
    WHEN type = 'ticket.created' AND actor_id IS NULL THEN 'customer'
    WHEN actor_id IS NOT NULL THEN 'agent'
    ELSE 'system'
  END,
  contact_id = CASE
    WHEN type = 'ticket.message_added' AND payload->>'authorContactId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (payload->>'authorContactId')::uuid
    WHEN type = 'ticket.updated' AND payload->>'cause' = 'requester' AND payload->>'contactId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (payload->>'contactId')::uuid
  END
WHERE cause IS NULL;
