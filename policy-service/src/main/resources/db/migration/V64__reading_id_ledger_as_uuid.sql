-- The idempotency ledger keys readingIds by the UUID they are (16 bytes) instead of their text
-- (37 bytes plus header).
--
-- Why: readingIds are random, so every stored reading inserts into a random leaf page of the
-- ledger's primary key, and once that index outgrows shared_buffers each insert reads a page and
-- evicts another. On the build machine, with 2M ids, the text key's index took 149 MB (61 MB as
-- uuid) and a batch of 500 new ids cost 25 us per id against 18.6 us as uuid (Session 8,
-- docs/performance.md). It also makes the ledger compare ids as UUIDs: the same id in upper and
-- lower case is one reading, as CONTRACT §4.1 reads it.
--
-- Ingest only lets UUIDs through and policy-service quarantines any other readingId (malformed),
-- so an entry that is not a UUID can never be claimed again; it is dropped rather than converted.
-- Rewriting the ledger takes about 10 s per 2M ids.
delete from governed_reading_ids
 where reading_id !~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';

alter table governed_reading_ids alter column reading_id type uuid using reading_id::uuid;
