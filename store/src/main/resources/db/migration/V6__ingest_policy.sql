-- Ingest policy of a bundle (what was done with INFO and DEBUG/TRACE records: index, count or
-- drop), recorded when the bundle is submitted; null for bundles submitted before policies
-- (every record indexed). records stays the number of indexed records; records_counted and
-- records_dropped are those the policy counted per template or dropped.
ALTER TABLE log_bundles
    ADD COLUMN ingest_policy jsonb,
    ADD COLUMN records_counted bigint NOT NULL DEFAULT 0,
    ADD COLUMN records_dropped bigint NOT NULL DEFAULT 0;
