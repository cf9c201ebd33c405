-- 0003 batches: every exported file (837P or CMS-1500 PDF) with its exact bytes and SHA-256, the
-- claims it carries, and the counters for batch ids and interchange control numbers (ISA13),
-- which only ever go up: a number is taken in the same transaction that records its batch.

CREATE TABLE control_counters (
  name TEXT PRIMARY KEY CHECK (name IN ('batch', 'interchange')),
  last INTEGER NOT NULL CHECK (last BETWEEN 0 AND 999999999)
);
INSERT INTO control_counters (name, last) VALUES ('batch', 0), ('interchange', 0);

-- the counters never go back (a restore of an older counter would resend an ISA13)
CREATE TRIGGER control_counters_forward_only BEFORE UPDATE ON control_counters
WHEN NEW.last <= OLD.last
BEGIN
  SELECT RAISE(ABORT, 'control counters only go up');
END;
CREATE TRIGGER control_counters_keep BEFORE DELETE ON control_counters
BEGIN
  SELECT RAISE(ABORT, 'control counters are never deleted');
END;

CREATE TABLE batches (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('837', 'pdf')),
  created_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  claim_count INTEGER NOT NULL CHECK (claim_count >= 0),
  -- 837 only: ISA13 = IEA02, GS06 = GE02, ST02 = SE02
  interchange_control INTEGER UNIQUE,
  group_control INTEGER,
  transaction_control TEXT,
  CHECK (kind = 'pdf' OR (interchange_control IS NOT NULL AND group_control IS NOT NULL AND transaction_control IS NOT NULL))
);
CREATE INDEX batches_created ON batches (created_at);

-- a batch is a record of what was sent: never changed or removed
CREATE TRIGGER batches_immutable BEFORE UPDATE ON batches
BEGIN
  SELECT RAISE(ABORT, 'batches are never changed');
END;
CREATE TRIGGER batches_keep BEFORE DELETE ON batches
BEGIN
  SELECT RAISE(ABORT, 'batches are never deleted');
END;

CREATE TABLE batch_claims (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  claim_id TEXT NOT NULL,
  -- copied from the batch, so the unique index below can see it
  kind TEXT NOT NULL CHECK (kind IN ('837', 'pdf')),
  -- CLM05-3: 1 original, 7 replacement, 8 void
  frequency TEXT NOT NULL CHECK (frequency IN ('1', '7', '8')),
  -- 1-based order of the claim in the file
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (batch_id, claim_id)
);
CREATE INDEX batch_claims_claim ON batch_claims (claim_id);
-- an original claim goes out in at most one 837 batch; replacements and voids may follow it
CREATE UNIQUE INDEX batch_claims_original_once ON batch_claims (claim_id) WHERE kind = '837' AND frequency = '1';
CREATE TRIGGER batch_claims_immutable BEFORE UPDATE ON batch_claims
BEGIN
  SELECT RAISE(ABORT, 'batch claims are never changed');
END;
CREATE TRIGGER batch_claims_keep BEFORE DELETE ON batch_claims
BEGIN
  SELECT RAISE(ABORT, 'batch claims are never deleted');
END;
