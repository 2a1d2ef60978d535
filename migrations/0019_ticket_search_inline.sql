-- Search documents stay in the table row, uncompressed, up to ~8 KB (most are 1.5–3.5 KB): with
-- the default target of 2 KB, 40 % of them went to the TOAST table, and every candidate a search
-- tests (a phrase query is rechecked against its document, and the newest-first walk tests each
-- ticket) paid an extra index lookup and fetch to read it back (BENCHMARKS.md, "Ticket search").
-- Applies to rows written from now on; the documents already stored move when they are next
-- rewritten (the index job, `opencsm reindex-search`, or VACUUM FULL ticket_search).
ALTER TABLE "ticket_search" SET (toast_tuple_target = 8160);
