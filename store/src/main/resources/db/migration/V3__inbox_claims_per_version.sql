-- A file dropped again at the same inbox path with another size or modification time is a new
-- bundle: claims are keyed by the file's version, not its path alone.
UPDATE inbox_claims SET size = coalesce(size, -1), mtime = coalesce(mtime, 'epoch');
ALTER TABLE inbox_claims ALTER COLUMN size SET NOT NULL, ALTER COLUMN mtime SET NOT NULL;
ALTER TABLE inbox_claims DROP CONSTRAINT inbox_claims_pkey;
ALTER TABLE inbox_claims ADD PRIMARY KEY (path, size, mtime);
