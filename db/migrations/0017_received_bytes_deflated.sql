-- 0017 received bytes deflated: a large 835 is megabytes of repetitive text, kept for ever
-- (received files are never deleted). Its bytes are stored deflated (raw DEFLATE, RFC 1951)
-- with their size as received; db/repos/received.ts inflates them and checks them against the
-- file's SHA-256 before they are given back, so a download is still the exact bytes received.
-- Files stored before this migration keep their bytes as they are (`raw`).
ALTER TABLE received_files ADD COLUMN encoding TEXT NOT NULL DEFAULT 'raw' CHECK (encoding IN ('raw', 'deflate'));
ALTER TABLE received_files ADD COLUMN size INTEGER CHECK (size IS NULL OR size >= 0);
