-- 0007 remittances (issue 12, docs/remittances.md "Store"): every file received from the
-- clearinghouse or a payer (TA1, 999, 277CA, 835) with its exact bytes, what each applied —
-- claim state changes (R-AK-1), postings (R-RA-2), provider-level adjustments, unmatched items
-- kept for a person (R-RA-1), underpaid lines (R-RA-5) — and the biller's work on denials and
-- write-offs. Money: integer cents. Dates: ISO text. A file is applied in one transaction.

-- R-AK-1 keeps the reason of the latest state change in words. `reversed` (R-RA-4) is a flag and
-- not a new value of claims.status: widening 0002's CHECK needs the claims table rebuilt, which a
-- migration cannot do safely (its children cascade on DROP and other branches add columns to it).
-- A reversed claim keeps status 'accepted' (the payer holds it) with reversed = 1 until the
-- corrected adjudication arrives; db/repos/claimStates.ts reads the pair as one status.
ALTER TABLE claims ADD COLUMN status_reason TEXT;
ALTER TABLE claims ADD COLUMN reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1));

CREATE TABLE received_files (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  -- JSON array of TA1, 999, 277CA, 835 in file order; empty when the file could not be read
  kinds       TEXT NOT NULL CHECK (json_valid(kinds)),
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('applied', 'duplicate', 'refused')),
  message     TEXT
);
-- R-RA-4: the same bytes are applied at most once (a repeat is logged as a duplicate)
CREATE UNIQUE INDEX received_files_applied_once ON received_files (sha256) WHERE status = 'applied';
CREATE INDEX received_files_at ON received_files (received_at);
CREATE TRIGGER received_files_keep BEFORE DELETE ON received_files
BEGIN
  SELECT RAISE(ABORT, 'received files are never deleted');
END;

-- each 835 of an applied file: the same remittance (key + content) is applied at most once even
-- when a clearinghouse re-envelopes it (835.md §13)
CREATE TABLE received_remittances (
  file_id         INTEGER NOT NULL REFERENCES received_files (id),
  position        INTEGER NOT NULL,
  remittance_key  TEXT NOT NULL,
  content_sha256  TEXT NOT NULL,
  payer_id        TEXT,
  trace_number    TEXT NOT NULL,
  payment_cents   INTEGER NOT NULL,
  payment_date    TEXT NOT NULL,
  PRIMARY KEY (file_id, position)
);
CREATE UNIQUE INDEX received_remittances_once ON received_remittances (remittance_key, content_sha256);

-- R-AK-1: every state change a received file made, with its reason in words
CREATE TABLE claim_events (
  id         INTEGER PRIMARY KEY,
  claim_id   TEXT NOT NULL REFERENCES claims (id),
  file_id    INTEGER NOT NULL REFERENCES received_files (id),
  kind       TEXT NOT NULL CHECK (kind IN ('TA1', '999', '277CA', '835')),
  status_from TEXT NOT NULL,
  status_to  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX claim_events_claim ON claim_events (claim_id);

-- R-RA-2 / R-RA-4: a claim payment or reversal as posted (electron/receive/postingTypes.ts ClaimPosting)
CREATE TABLE remit_postings (
  id                  TEXT PRIMARY KEY,
  claim_id            TEXT NOT NULL REFERENCES claims (id),
  payer_id            TEXT NOT NULL,
  file_id             INTEGER NOT NULL REFERENCES received_files (id),
  remittance_control  TEXT NOT NULL,
  trace_number        TEXT NOT NULL,
  payment_date        TEXT NOT NULL,
  position            INTEGER NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('payment', 'reversal')),
  status_code         TEXT NOT NULL,
  payer_claim_number  TEXT,
  charge_cents        INTEGER NOT NULL,
  paid_cents          INTEGER NOT NULL,
  patient_resp_cents  INTEGER NOT NULL,
  remarks             TEXT NOT NULL CHECK (json_valid(remarks)),
  reverses            TEXT REFERENCES remit_postings (id),
  needs_review        INTEGER NOT NULL CHECK (needs_review IN (0, 1)),
  posted_at           TEXT NOT NULL
);
CREATE INDEX remit_postings_claim ON remit_postings (claim_id);
CREATE INDEX remit_postings_date ON remit_postings (payment_date);

CREATE TABLE remit_posting_lines (
  posting_id  TEXT NOT NULL REFERENCES remit_postings (id),
  line        INTEGER NOT NULL,
  positions   TEXT NOT NULL CHECK (json_valid(positions)),
  charge_cents INTEGER NOT NULL,
  paid_cents  INTEGER NOT NULL,
  units_paid  REAL,
  remarks     TEXT NOT NULL CHECK (json_valid(remarks)),
  PRIMARY KEY (posting_id, line)
);

-- claim-level (line 0) and line-level CAS of a posting, in file order
CREATE TABLE remit_adjustments (
  posting_id  TEXT NOT NULL REFERENCES remit_postings (id),
  line        INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  grp         TEXT NOT NULL CHECK (grp IN ('CO', 'PR', 'OA', 'PI', 'CR')),
  reason      TEXT NOT NULL,
  cents       INTEGER NOT NULL,
  quantity    REAL,
  PRIMARY KEY (posting_id, line, seq)
);

-- PLB items: the provider-level ledger, never put on a claim
CREATE TABLE provider_adjustments (
  id               TEXT PRIMARY KEY,
  file_id          INTEGER NOT NULL REFERENCES received_files (id),
  payer_id         TEXT,
  trace_number     TEXT NOT NULL,
  payment_date     TEXT NOT NULL,
  position         INTEGER NOT NULL,
  provider_id      TEXT NOT NULL,
  reason           TEXT NOT NULL,
  reference        TEXT,
  cents            INTEGER NOT NULL,
  related_claim_id TEXT,
  posted_at        TEXT NOT NULL
);

-- R-RA-1: what matched nothing, with its money (suspense), until a person resolves it
CREATE TABLE unmatched_items (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES received_files (id),
  payer_id    TEXT,
  trace_number TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('remittance', 'claim', 'line', 'reversal', 'provider-adjustment')),
  position    INTEGER NOT NULL,
  claim_id    TEXT,
  reason      TEXT NOT NULL,
  cents       INTEGER NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution  TEXT,
  CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
CREATE INDEX unmatched_items_open ON unmatched_items (resolved_at);

-- R-RA-5
CREATE TABLE underpaid_lines (
  posting_id     TEXT NOT NULL REFERENCES remit_postings (id),
  claim_id       TEXT NOT NULL,
  line           INTEGER NOT NULL,
  expected_cents INTEGER NOT NULL,
  allowed_cents  INTEGER NOT NULL,
  difference_cents INTEGER NOT NULL,
  PRIMARY KEY (posting_id, line)
);

-- the biller's work on a denied or rejected claim
CREATE TABLE denial_work (
  claim_id    TEXT PRIMARY KEY REFERENCES claims (id),
  assignee    TEXT,
  notes       TEXT NOT NULL DEFAULT '',
  follow_up   TEXT,
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'written-off', 'resubmitted')),
  -- the claim that went out again (a new original or a replacement)
  resubmitted_as TEXT,
  updated_at  TEXT NOT NULL
);

-- A write-off is an adjustment of its own (not a payer's CAS): what the office gives up on a
-- claim, split into the open balance it closes and the denied amount it accepts. Reversed by a
-- later row, never changed or deleted.
CREATE TABLE write_offs (
  id           INTEGER PRIMARY KEY,
  claim_id     TEXT NOT NULL REFERENCES claims (id),
  open_cents   INTEGER NOT NULL CHECK (open_cents >= 0),
  denied_cents INTEGER NOT NULL CHECK (denied_cents >= 0),
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  at           TEXT NOT NULL,
  by_user      TEXT NOT NULL,
  reversed_at  TEXT,
  reversed_by  TEXT
);
CREATE INDEX write_offs_claim ON write_offs (claim_id);
CREATE TRIGGER write_offs_keep BEFORE DELETE ON write_offs
BEGIN
  SELECT RAISE(ABORT, 'write-offs are reversed, never deleted');
END;
CREATE TRIGGER write_offs_only_reverse BEFORE UPDATE ON write_offs
WHEN OLD.reversed_at IS NOT NULL OR NEW.claim_id IS NOT OLD.claim_id OR NEW.open_cents IS NOT OLD.open_cents
  OR NEW.denied_cents IS NOT OLD.denied_cents OR NEW.reason IS NOT OLD.reason OR NEW.at IS NOT OLD.at OR NEW.by_user IS NOT OLD.by_user
BEGIN
  SELECT RAISE(ABORT, 'a write-off can only be reversed, once');
END;

-- BEGIN GENERATED audit triggers (electron/security/auditTriggers.ts, AUDITED_REMITTANCE_TABLES)
CREATE TRIGGER "audit_denial_work_insert" AFTER INSERT ON "denial_work"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'denial_work', NEW."claim_id", NULL, json_object('claim_id', NEW."claim_id", 'assignee', NEW."assignee", 'notes', NEW."notes", 'follow_up', NEW."follow_up", 'state', NEW."state", 'resubmitted_as', NEW."resubmitted_as", 'updated_at', NEW."updated_at"));
END;
CREATE TRIGGER "audit_denial_work_update" AFTER UPDATE ON "denial_work"
WHEN OLD."claim_id" IS NOT NEW."claim_id" OR OLD."assignee" IS NOT NEW."assignee" OR OLD."notes" IS NOT NEW."notes" OR OLD."follow_up" IS NOT NEW."follow_up" OR OLD."state" IS NOT NEW."state" OR OLD."resubmitted_as" IS NOT NEW."resubmitted_as" OR OLD."updated_at" IS NOT NEW."updated_at"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'denial_work', NEW."claim_id", json_object('claim_id', OLD."claim_id", 'assignee', OLD."assignee", 'notes', OLD."notes", 'follow_up', OLD."follow_up", 'state', OLD."state", 'resubmitted_as', OLD."resubmitted_as", 'updated_at', OLD."updated_at"), json_object('claim_id', NEW."claim_id", 'assignee', NEW."assignee", 'notes', NEW."notes", 'follow_up', NEW."follow_up", 'state', NEW."state", 'resubmitted_as', NEW."resubmitted_as", 'updated_at', NEW."updated_at"));
END;
CREATE TRIGGER "audit_denial_work_delete" AFTER DELETE ON "denial_work"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'denial_work', OLD."claim_id", json_object('claim_id', OLD."claim_id", 'assignee', OLD."assignee", 'notes', OLD."notes", 'follow_up', OLD."follow_up", 'state', OLD."state", 'resubmitted_as', OLD."resubmitted_as", 'updated_at', OLD."updated_at"), NULL);
END;

CREATE TRIGGER "audit_write_offs_insert" AFTER INSERT ON "write_offs"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'write_offs', NEW."id", NULL, json_object('id', NEW."id", 'claim_id', NEW."claim_id", 'open_cents', NEW."open_cents", 'denied_cents', NEW."denied_cents", 'reason', NEW."reason", 'at', NEW."at", 'by_user', NEW."by_user", 'reversed_at', NEW."reversed_at", 'reversed_by', NEW."reversed_by"));
END;
CREATE TRIGGER "audit_write_offs_update" AFTER UPDATE ON "write_offs"
WHEN OLD."id" IS NOT NEW."id" OR OLD."claim_id" IS NOT NEW."claim_id" OR OLD."open_cents" IS NOT NEW."open_cents" OR OLD."denied_cents" IS NOT NEW."denied_cents" OR OLD."reason" IS NOT NEW."reason" OR OLD."at" IS NOT NEW."at" OR OLD."by_user" IS NOT NEW."by_user" OR OLD."reversed_at" IS NOT NEW."reversed_at" OR OLD."reversed_by" IS NOT NEW."reversed_by"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'write_offs', NEW."id", json_object('id', OLD."id", 'claim_id', OLD."claim_id", 'open_cents', OLD."open_cents", 'denied_cents', OLD."denied_cents", 'reason', OLD."reason", 'at', OLD."at", 'by_user', OLD."by_user", 'reversed_at', OLD."reversed_at", 'reversed_by', OLD."reversed_by"), json_object('id', NEW."id", 'claim_id', NEW."claim_id", 'open_cents', NEW."open_cents", 'denied_cents', NEW."denied_cents", 'reason', NEW."reason", 'at', NEW."at", 'by_user', NEW."by_user", 'reversed_at', NEW."reversed_at", 'reversed_by', NEW."reversed_by"));
END;
CREATE TRIGGER "audit_write_offs_delete" AFTER DELETE ON "write_offs"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'write_offs', OLD."id", json_object('id', OLD."id", 'claim_id', OLD."claim_id", 'open_cents', OLD."open_cents", 'denied_cents', OLD."denied_cents", 'reason', OLD."reason", 'at', OLD."at", 'by_user', OLD."by_user", 'reversed_at', OLD."reversed_at", 'reversed_by', OLD."reversed_by"), NULL);
END;

CREATE TRIGGER "audit_unmatched_items_insert" AFTER INSERT ON "unmatched_items"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'unmatched_items', NEW."id", NULL, json_object('id', NEW."id", 'file_id', NEW."file_id", 'payer_id', NEW."payer_id", 'trace_number', NEW."trace_number", 'kind', NEW."kind", 'position', NEW."position", 'claim_id', NEW."claim_id", 'reason', NEW."reason", 'cents', NEW."cents", 'resolved_at', NEW."resolved_at", 'resolved_by', NEW."resolved_by", 'resolution', NEW."resolution"));
END;
CREATE TRIGGER "audit_unmatched_items_update" AFTER UPDATE ON "unmatched_items"
WHEN OLD."id" IS NOT NEW."id" OR OLD."file_id" IS NOT NEW."file_id" OR OLD."payer_id" IS NOT NEW."payer_id" OR OLD."trace_number" IS NOT NEW."trace_number" OR OLD."kind" IS NOT NEW."kind" OR OLD."position" IS NOT NEW."position" OR OLD."claim_id" IS NOT NEW."claim_id" OR OLD."reason" IS NOT NEW."reason" OR OLD."cents" IS NOT NEW."cents" OR OLD."resolved_at" IS NOT NEW."resolved_at" OR OLD."resolved_by" IS NOT NEW."resolved_by" OR OLD."resolution" IS NOT NEW."resolution"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'unmatched_items', NEW."id", json_object('id', OLD."id", 'file_id', OLD."file_id", 'payer_id', OLD."payer_id", 'trace_number', OLD."trace_number", 'kind', OLD."kind", 'position', OLD."position", 'claim_id', OLD."claim_id", 'reason', OLD."reason", 'cents', OLD."cents", 'resolved_at', OLD."resolved_at", 'resolved_by', OLD."resolved_by", 'resolution', OLD."resolution"), json_object('id', NEW."id", 'file_id', NEW."file_id", 'payer_id', NEW."payer_id", 'trace_number', NEW."trace_number", 'kind', NEW."kind", 'position', NEW."position", 'claim_id', NEW."claim_id", 'reason', NEW."reason", 'cents', NEW."cents", 'resolved_at', NEW."resolved_at", 'resolved_by', NEW."resolved_by", 'resolution', NEW."resolution"));
END;
CREATE TRIGGER "audit_unmatched_items_delete" AFTER DELETE ON "unmatched_items"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'unmatched_items', OLD."id", json_object('id', OLD."id", 'file_id', OLD."file_id", 'payer_id', OLD."payer_id", 'trace_number', OLD."trace_number", 'kind', OLD."kind", 'position', OLD."position", 'claim_id', OLD."claim_id", 'reason', OLD."reason", 'cents', OLD."cents", 'resolved_at', OLD."resolved_at", 'resolved_by', OLD."resolved_by", 'resolution', OLD."resolution"), NULL);
END;
