-- The office's records (electron/domain/types.ts). Money: integer micro-dollars per unit.
-- Dates: ISO text YYYY-MM-DD; times HH:MM. NDCs: 11 digits. Child lists keep their order in `seq`.

CREATE TABLE organization (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  npi         TEXT NOT NULL CHECK (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*'),
  tax_id      TEXT NOT NULL CHECK (length(tax_id) = 9 AND tax_id NOT GLOB '*[^0-9]*'),
  taxonomy    TEXT,
  addr_line1  TEXT,
  addr_line2  TEXT,
  addr_city   TEXT,
  addr_state  TEXT CHECK (addr_state IS NULL OR length(addr_state) = 2),
  addr_zip    TEXT CHECK (addr_zip IS NULL OR length(addr_zip) IN (5, 9)),
  phone       TEXT,
  contact     TEXT
);

CREATE TABLE clearinghouse (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL,
  sender_id     TEXT NOT NULL,
  receiver_id   TEXT NOT NULL,
  submitter_id  TEXT NOT NULL,
  usage         TEXT NOT NULL CHECK (usage IN ('T', 'P'))
);

-- key: CODE or CODE:NDC
CREATE TABLE charge_master (
  code          TEXT PRIMARY KEY,
  price_micros  INTEGER NOT NULL CHECK (price_micros >= 0)
);

CREATE TABLE payers (
  id                        TEXT PRIMARY KEY,
  name                      TEXT NOT NULL,
  payer_id                  TEXT,
  filing_indicator          TEXT,
  addr_line1                TEXT,
  addr_line2                TEXT,
  addr_city                 TEXT,
  addr_state                TEXT CHECK (addr_state IS NULL OR length(addr_state) = 2),
  addr_zip                  TEXT CHECK (addr_zip IS NULL OR length(addr_zip) IN (5, 9)),
  -- billing-rules §9, all present (defaults applied at import)
  code_set                  TEXT NOT NULL CHECK (code_set IN ('commercial', 'medicare-hit', 'medicaid-nc')),
  per_diem_days             TEXT NOT NULL CHECK (per_diem_days IN ('administration', 'access')),
  line_span                 TEXT NOT NULL CHECK (line_span IN ('day', 'week', 'month')),
  concurrency_order         TEXT NOT NULL CHECK (concurrency_order IN ('highestCharge', 'firstStarted')),
  concurrency_modifier59    INTEGER NOT NULL CHECK (concurrency_modifier59 IN (0, 1)),
  incidental_per_diems      TEXT NOT NULL CHECK (json_valid(incidental_per_diems)), -- JSON array of codes
  self_administered_covered INTEGER NOT NULL CHECK (self_administered_covered IN (0, 1)),
  drugs_on_medical_claim    INTEGER NOT NULL CHECK (drugs_on_medical_claim IN (0, 1)),
  waste_modifiers           TEXT NOT NULL CHECK (waste_modifiers IN ('JW', 'JW+JZ')),
  compound_kp_kq            INTEGER NOT NULL CHECK (compound_kp_kq IN (0, 1)),
  ndc_units                 TEXT NOT NULL CHECK (json_valid(ndc_units)), -- JSON array of F2 GR ME ML UN
  nursing_rn_only           INTEGER NOT NULL CHECK (nursing_rn_only IN (0, 1)),
  nursing_max_hours_per_day REAL CHECK (nursing_max_hours_per_day IS NULL OR nursing_max_hours_per_day > 0),
  requires_prior_auth       INTEGER NOT NULL CHECK (requires_prior_auth IN (0, 1)),
  claim_period              TEXT NOT NULL CHECK (claim_period IN ('month', 'week')),
  timely_filing_days        INTEGER NOT NULL CHECK (timely_filing_days > 0),
  pdf_page_totals           TEXT NOT NULL CHECK (pdf_page_totals IN ('continued', 'perPage'))
);

CREATE TABLE payer_fees (
  payer_id      TEXT NOT NULL REFERENCES payers (id) ON DELETE CASCADE,
  code          TEXT NOT NULL, -- CODE or CODE:NDC
  price_micros  INTEGER NOT NULL CHECK (price_micros >= 0),
  PRIMARY KEY (payer_id, code)
);

CREATE TABLE prescribers (
  id          TEXT PRIMARY KEY,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  npi         TEXT NOT NULL CHECK (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*')
);

CREATE TABLE nurses (
  id          TEXT PRIMARY KEY,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  credential  TEXT NOT NULL CHECK (credential IN ('RN', 'LPN')),
  npi         TEXT CHECK (npi IS NULL OR (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*'))
);

CREATE TABLE products (
  ndc                  TEXT PRIMARY KEY CHECK (length(ndc) = 11 AND ndc NOT GLOB '*[^0-9]*'),
  name                 TEXT NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('drug', 'supply')),
  hcpcs                TEXT NOT NULL CHECK (length(hcpcs) = 5),
  hcpcs_unit_amount    REAL CHECK (hcpcs_unit_amount IS NULL OR hcpcs_unit_amount > 0),
  hcpcs_unit           TEXT CHECK (hcpcs_unit IS NULL OR hcpcs_unit IN ('mcg', 'mg', 'g', 'units', 'IU', 'mL')),
  ndc_unit             TEXT CHECK (ndc_unit IS NULL OR ndc_unit IN ('F2', 'GR', 'ME', 'ML', 'UN')),
  drug_per_ndc_amount  REAL CHECK (drug_per_ndc_amount IS NULL OR drug_per_ndc_amount > 0),
  drug_per_ndc_unit    TEXT CHECK (drug_per_ndc_unit IS NULL OR drug_per_ndc_unit IN ('mcg', 'mg', 'g', 'units', 'IU', 'mL')),
  container_size       REAL CHECK (container_size IS NULL OR container_size > 0),
  single_dose          INTEGER CHECK (single_dose IS NULL OR single_dose IN (0, 1)),
  tpn_included         INTEGER CHECK (tpn_included IS NULL OR tpn_included IN (0, 1)),
  -- a drug carries everything the unit arithmetic (R-DR-3..5) needs
  CHECK (kind = 'supply' OR (hcpcs_unit_amount IS NOT NULL AND hcpcs_unit IS NOT NULL AND ndc_unit IS NOT NULL
         AND drug_per_ndc_amount IS NOT NULL AND drug_per_ndc_unit IS NOT NULL AND container_size IS NOT NULL
         AND single_dose IS NOT NULL))
);
CREATE INDEX products_hcpcs ON products (hcpcs);

CREATE TABLE patients (
  id          TEXT PRIMARY KEY, -- account number
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  middle      TEXT,
  dob         TEXT NOT NULL CHECK (dob GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  sex         TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  addr_line1  TEXT,
  addr_line2  TEXT,
  addr_city   TEXT,
  addr_state  TEXT CHECK (addr_state IS NULL OR length(addr_state) = 2),
  addr_zip    TEXT CHECK (addr_zip IS NULL OR length(addr_zip) IN (5, 9)),
  phone       TEXT
);
CREATE INDEX patients_name ON patients (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX patients_dob ON patients (dob);

CREATE TABLE coverages (
  patient_id      TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  priority        INTEGER NOT NULL CHECK (priority IN (1, 2, 3)),
  payer_id        TEXT NOT NULL REFERENCES payers (id),
  member_id       TEXT NOT NULL,
  group_number    TEXT,
  relationship    TEXT NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
  sub_first_name  TEXT,
  sub_last_name   TEXT,
  sub_middle      TEXT,
  sub_dob         TEXT CHECK (sub_dob IS NULL OR sub_dob GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  sub_sex         TEXT CHECK (sub_sex IS NULL OR sub_sex IN ('F', 'M', 'U')),
  sub_addr_line1  TEXT,
  sub_addr_line2  TEXT,
  sub_addr_city   TEXT,
  sub_addr_state  TEXT,
  sub_addr_zip    TEXT,
  seq             INTEGER NOT NULL,
  PRIMARY KEY (patient_id, priority),
  CHECK (relationship = 'self' OR (sub_first_name IS NOT NULL AND sub_last_name IS NOT NULL AND sub_dob IS NOT NULL))
);
CREATE INDEX coverages_member ON coverages (member_id);
CREATE INDEX coverages_payer ON coverages (payer_id);

CREATE TABLE therapies (
  id                 TEXT PRIMARY KEY,
  patient_id         TEXT NOT NULL REFERENCES patients (id),
  payer_id           TEXT NOT NULL REFERENCES payers (id),
  category           TEXT NOT NULL,
  qualifier_liters   REAL CHECK (qualifier_liters IS NULL OR qualifier_liters > 0),
  qualifier_mode     TEXT,
  qualifier_lumen    TEXT,
  has_qualifier      INTEGER NOT NULL DEFAULT 0 CHECK (has_qualifier IN (0, 1)),
  route              TEXT NOT NULL CHECK (route IN ('IV', 'SC', 'IM', 'epidural', 'intrathecal', 'enteral', 'other')),
  self_administered  INTEGER NOT NULL CHECK (self_administered IN (0, 1)),
  per_diem_code      TEXT,
  schedule_kind      TEXT NOT NULL CHECK (schedule_kind IN ('everyHours', 'everyDays', 'weekly', 'monthly', 'continuous')),
  schedule_every     INTEGER CHECK (schedule_every IS NULL OR schedule_every > 0),
  start_date         TEXT NOT NULL CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  stop_date          TEXT CHECK (stop_date IS NULL OR (stop_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND stop_date >= start_date)),
  prescriber_id      TEXT NOT NULL REFERENCES prescribers (id),
  CHECK (schedule_kind NOT IN ('everyHours', 'everyDays') OR schedule_every IS NOT NULL),
  CHECK (schedule_kind <> 'everyHours' OR 24 % schedule_every = 0)
);
CREATE INDEX therapies_patient ON therapies (patient_id);

CREATE TABLE therapy_holds (
  therapy_id  TEXT NOT NULL REFERENCES therapies (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  from_date   TEXT NOT NULL CHECK (from_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  to_date     TEXT CHECK (to_date IS NULL OR (to_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND to_date >= from_date)),
  reason      TEXT,
  PRIMARY KEY (therapy_id, seq)
);

-- missed (given 0) and extra (given 1) doses
CREATE TABLE therapy_doses (
  therapy_id  TEXT NOT NULL REFERENCES therapies (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  date        TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  given       INTEGER NOT NULL CHECK (given IN (0, 1)),
  PRIMARY KEY (therapy_id, seq)
);

CREATE TABLE therapy_diagnoses (
  therapy_id  TEXT NOT NULL REFERENCES therapies (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  code        TEXT NOT NULL, -- ICD-10-CM with its dot
  PRIMARY KEY (therapy_id, seq)
);

CREATE TABLE prior_auths (
  therapy_id  TEXT NOT NULL REFERENCES therapies (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  number      TEXT NOT NULL,
  from_date   TEXT NOT NULL CHECK (from_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  to_date     TEXT CHECK (to_date IS NULL OR (to_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND to_date >= from_date)),
  has_units   INTEGER NOT NULL DEFAULT 0 CHECK (has_units IN (0, 1)),
  PRIMARY KEY (therapy_id, seq)
);

CREATE TABLE prior_auth_units (
  therapy_id  TEXT NOT NULL,
  auth_seq    INTEGER NOT NULL,
  code        TEXT NOT NULL,
  units       INTEGER NOT NULL CHECK (units > 0),
  seq         INTEGER NOT NULL,
  PRIMARY KEY (therapy_id, auth_seq, code),
  FOREIGN KEY (therapy_id, auth_seq) REFERENCES prior_auths (therapy_id, seq) ON DELETE CASCADE
);

CREATE TABLE therapy_drugs (
  therapy_id   TEXT NOT NULL REFERENCES therapies (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  ndc          TEXT NOT NULL REFERENCES products (ndc),
  dose_amount  REAL NOT NULL CHECK (dose_amount > 0),
  dose_unit    TEXT NOT NULL CHECK (dose_unit IN ('mcg', 'mg', 'g', 'units', 'IU', 'mL')),
  PRIMARY KEY (therapy_id, seq)
);

CREATE TABLE dispenses (
  id           TEXT PRIMARY KEY,
  therapy_id   TEXT NOT NULL REFERENCES therapies (id),
  date         TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  ndc          TEXT NOT NULL REFERENCES products (ndc),
  quantity     REAL NOT NULL CHECK (quantity > 0),
  days_supply  INTEGER NOT NULL CHECK (days_supply > 0),
  lot          TEXT,
  expiry       TEXT CHECK (expiry IS NULL OR expiry GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
CREATE INDEX dispenses_therapy ON dispenses (therapy_id, date);

CREATE TABLE visits (
  id              TEXT PRIMARY KEY,
  patient_id      TEXT NOT NULL REFERENCES patients (id),
  therapy_id      TEXT NOT NULL REFERENCES therapies (id),
  nurse_id        TEXT NOT NULL REFERENCES nurses (id),
  date            TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  arrival         TEXT NOT NULL CHECK (arrival GLOB '[0-2][0-9]:[0-5][0-9]'),
  departure       TEXT NOT NULL CHECK (departure GLOB '[0-2][0-9]:[0-5][0-9]'),
  departure_date  TEXT CHECK (departure_date IS NULL OR (departure_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND departure_date >= date)),
  signed          INTEGER NOT NULL CHECK (signed IN (0, 1)),
  notes           TEXT
);
CREATE INDEX visits_patient ON visits (patient_id, date);
CREATE INDEX visits_therapy ON visits (therapy_id);
