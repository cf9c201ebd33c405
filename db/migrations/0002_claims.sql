-- 0002 claims: built claims with their lines, the source keys they bill, findings and warning
-- acknowledgements (billing-rules §6). Money: integer cents. Dates: ISO text.

CREATE TABLE claims (
  -- patient control number (R-CL-7): CLM01, CMS-1500 item 26
  id                    TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 20),
  patient_id            TEXT NOT NULL REFERENCES patients (id),
  payer_id              TEXT NOT NULL REFERENCES payers (id),
  coverage_priority     INTEGER NOT NULL CHECK (coverage_priority IN (1, 2, 3)),
  prescriber_id         TEXT NOT NULL,
  frequency             TEXT NOT NULL CHECK (frequency IN ('1', '7', '8')),
  prior_auth            TEXT,
  -- R-CL-9: the original claim and the payer's claim control number of it (REF*F8, item 22)
  original_claim_id     TEXT REFERENCES claims (id),
  original_claim_number TEXT,
  diagnoses             TEXT NOT NULL CHECK (json_valid(diagnoses)), -- JSON array, no dots, A–L
  total_cents           INTEGER NOT NULL CHECK (total_cents >= 0),
  period_from           TEXT NOT NULL,
  period_to             TEXT NOT NULL,
  -- first and last date of service of its lines
  service_from          TEXT NOT NULL,
  service_to            TEXT NOT NULL,
  status                TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'exported', 'accepted', 'rejected', 'paid', 'denied', 'void')),
  batch_id              TEXT,
  -- the payer's claim control number of this claim, once known
  payer_claim_number    TEXT,
  -- set on the original when a replacement or void claim supersedes it
  superseded_by         TEXT REFERENCES claims (id),
  created_at            TEXT NOT NULL,
  exported_at           TEXT,
  status_at             TEXT,
  CHECK (frequency = '1' OR (original_claim_id IS NOT NULL AND length(original_claim_number) > 0))
);
CREATE INDEX claims_service ON claims (service_from, service_to);
CREATE INDEX claims_status ON claims (status, payer_id);
CREATE INDEX claims_batch ON claims (batch_id);

CREATE TABLE claim_lines (
  claim_id         TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL, -- 1-based line number
  from_date        TEXT NOT NULL,
  to_date          TEXT NOT NULL,
  code             TEXT NOT NULL,
  modifiers        TEXT NOT NULL CHECK (json_valid(modifiers)),
  units            INTEGER NOT NULL CHECK (units > 0),
  charge_cents     INTEGER NOT NULL CHECK (charge_cents >= 0),
  pointers         TEXT NOT NULL CHECK (json_valid(pointers)),
  ndc              TEXT CHECK (ndc IS NULL OR length(ndc) = 11),
  ndc_qty          REAL,
  ndc_unit         TEXT CHECK (ndc_unit IS NULL OR ndc_unit IN ('F2', 'GR', 'ME', 'ML', 'UN')),
  kind             TEXT NOT NULL CHECK (kind IN ('perDiem', 'drug', 'waste', 'supply', 'nursing')),
  therapy_id       TEXT,
  visit_id         TEXT,
  rendering_npi    TEXT,
  place_of_service TEXT NOT NULL DEFAULT '12',
  PRIMARY KEY (claim_id, seq)
);

-- Every billed source key (billing-rules §1). A key is `live` while its claim bills it: on a
-- draft, an exported original or a replacement; not on a void claim or a superseded original.
-- The partial unique index makes "a source key on at most one claim that is not void" a
-- database rule, whatever the code does.
CREATE TABLE claim_keys (
  source_key   TEXT NOT NULL,
  claim_id     TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  line_seq     INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  -- hash of the billed facts (R-CL-8): a later build with a different hash needs a replacement
  fact_hash    TEXT NOT NULL,
  live         INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
  PRIMARY KEY (claim_id, source_key),
  FOREIGN KEY (claim_id, line_seq) REFERENCES claim_lines (claim_id, seq) ON DELETE CASCADE
);
CREATE UNIQUE INDEX claim_keys_one_live_claim ON claim_keys (source_key) WHERE live = 1;
CREATE INDEX claim_keys_date ON claim_keys (service_date);

-- Findings of the latest build of each date: on a claim (claim_id), on a line of it, or loose.
CREATE TABLE claim_findings (
  id         INTEGER PRIMARY KEY,
  claim_id   TEXT REFERENCES claims (id) ON DELETE CASCADE,
  line       INTEGER,
  severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  rule       TEXT NOT NULL,
  message    TEXT NOT NULL,
  patient_id TEXT,
  payer_id   TEXT,
  date       TEXT,
  therapy_id TEXT,
  code       TEXT,
  visit_id   TEXT,
  dispense_id TEXT
);
CREATE INDEX claim_findings_claim ON claim_findings (claim_id);
CREATE INDEX claim_findings_date ON claim_findings (date);

-- R-CL-11: a biller's acknowledgement of a claim's warnings holds while the warnings are the
-- same (their hash); a rebuild that keeps the claim id and its warnings keeps the acknowledgement.
CREATE TABLE claim_warning_acks (
  claim_id        TEXT PRIMARY KEY,
  warnings_hash   TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL
);
