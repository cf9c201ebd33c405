-- 0004 security: users and roles, API tokens, the append-only audit trail and the triggers that
-- record every change to patient data. The actor comes from perdiem_actor(), an application
-- function registered on every connection (electron/security/actor.ts).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 64),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'biller', 'nurse')),
  -- a nurse sees her own visits: the nurse record she is
  nurse_id TEXT,
  password_hash BLOB NOT NULL,
  password_salt BLOB NOT NULL,
  -- scrypt cost as JSON {"N":32768,"r":8,"p":1,"keylen":32}
  password_params TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (role = 'nurse' OR nurse_id IS NULL)
);

CREATE TABLE api_tokens (
  -- the public half of the token (pdt_<id>.<secret>)
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'biller', 'nurse')),
  -- SHA-256 of the secret half: the secret is 32 random bytes, so no slow hash is needed
  secret_hash BLOB NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

CREATE TABLE security_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO security_settings (key, value) VALUES
  ('idleLockMinutes', '15'),
  ('backupKeep', '14'),
  ('backupIntervalHours', '24');

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL,
  -- create | update | delete for data rows; signin, signin.failed, signout, claims.build,
  -- export.837, export.pdf, print, users.*, tokens.*, backup.*, cli.* for events
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Users and tokens are audited without their secrets.
CREATE TRIGGER audit_users_insert AFTER INSERT ON users
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'users', NEW.username, NULL,
    json_object('id', NEW.id, 'username', NEW.username, 'display_name', NEW.display_name, 'role', NEW.role,
      'nurse_id', NEW.nurse_id, 'disabled', NEW.disabled));
END;
CREATE TRIGGER audit_users_update AFTER UPDATE ON users
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'users', NEW.username,
    json_object('id', OLD.id, 'username', OLD.username, 'display_name', OLD.display_name, 'role', OLD.role,
      'nurse_id', OLD.nurse_id, 'disabled', OLD.disabled,
      'password_changed', OLD.password_hash IS NOT NEW.password_hash),
    json_object('id', NEW.id, 'username', NEW.username, 'display_name', NEW.display_name, 'role', NEW.role,
      'nurse_id', NEW.nurse_id, 'disabled', NEW.disabled,
      'password_changed', OLD.password_hash IS NOT NEW.password_hash));
END;
CREATE TRIGGER audit_users_delete AFTER DELETE ON users
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'users', OLD.username,
    json_object('id', OLD.id, 'username', OLD.username, 'display_name', OLD.display_name, 'role', OLD.role,
      'nurse_id', OLD.nurse_id, 'disabled', OLD.disabled), NULL);
END;
CREATE TRIGGER audit_api_tokens_insert AFTER INSERT ON api_tokens
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'api_tokens', NEW.id, NULL,
    json_object('id', NEW.id, 'label', NEW.label, 'role', NEW.role, 'created_by', NEW.created_by));
END;
CREATE TRIGGER audit_api_tokens_revoke AFTER UPDATE OF revoked_at ON api_tokens
WHEN OLD.revoked_at IS NOT NEW.revoked_at
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'api_tokens', NEW.id,
    json_object('revoked_at', OLD.revoked_at), json_object('revoked_at', NEW.revoked_at));
END;
CREATE TRIGGER audit_security_settings_update AFTER UPDATE ON security_settings
WHEN OLD.value IS NOT NEW.value
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'security_settings', NEW.key,
    json_object('value', OLD.value), json_object('value', NEW.value));
END;

-- Every exported batch (837 file) is an export event, recorded in the export's own transaction,
-- whoever exported it (app, command line, test server). A claim's status changes (exported,
-- void, paid …) are recorded too; drafts that a build replaces are not (a build is one event).
CREATE TRIGGER audit_batches_insert AFTER INSERT ON batches
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), CASE NEW.kind WHEN '837' THEN 'export.837' ELSE 'export.pdf' END, 'batches', NEW.id, NULL,
    json_object('file_name', NEW.file_name, 'sha256', NEW.sha256, 'claim_count', NEW.claim_count,
      'interchange_control', NEW.interchange_control));
END;
CREATE TRIGGER audit_claims_status AFTER UPDATE OF status ON claims
WHEN OLD.status IS NOT NEW.status
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'claims', NEW.id,
    json_object('status', OLD.status, 'batch_id', OLD.batch_id, 'patient_id', OLD.patient_id),
    json_object('status', NEW.status, 'batch_id', NEW.batch_id, 'patient_id', NEW.patient_id));
END;

-- BEGIN GENERATED audit triggers (electron/security/auditTriggers.ts over AUDITED_TABLES and AUDITED_DECISION_TABLES; test/security/
-- auditTriggers.test.ts fails when a table's columns change: regenerate, in a new migration that drops and
-- recreates that table's triggers)
CREATE TRIGGER "audit_organization_insert" AFTER INSERT ON "organization"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'organization', NEW."id", NULL, json_object('id', NEW."id", 'name', NEW."name", 'npi', NEW."npi", 'tax_id', NEW."tax_id", 'taxonomy', NEW."taxonomy", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'phone', NEW."phone", 'contact', NEW."contact"));
END;
CREATE TRIGGER "audit_organization_update" AFTER UPDATE ON "organization"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."npi" IS NOT NEW."npi" OR OLD."tax_id" IS NOT NEW."tax_id" OR OLD."taxonomy" IS NOT NEW."taxonomy" OR OLD."addr_line1" IS NOT NEW."addr_line1" OR OLD."addr_line2" IS NOT NEW."addr_line2" OR OLD."addr_city" IS NOT NEW."addr_city" OR OLD."addr_state" IS NOT NEW."addr_state" OR OLD."addr_zip" IS NOT NEW."addr_zip" OR OLD."phone" IS NOT NEW."phone" OR OLD."contact" IS NOT NEW."contact"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'organization', NEW."id", json_object('id', OLD."id", 'name', OLD."name", 'npi', OLD."npi", 'tax_id', OLD."tax_id", 'taxonomy', OLD."taxonomy", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'phone', OLD."phone", 'contact', OLD."contact"), json_object('id', NEW."id", 'name', NEW."name", 'npi', NEW."npi", 'tax_id', NEW."tax_id", 'taxonomy', NEW."taxonomy", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'phone', NEW."phone", 'contact', NEW."contact"));
END;
CREATE TRIGGER "audit_organization_delete" AFTER DELETE ON "organization"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'organization', OLD."id", json_object('id', OLD."id", 'name', OLD."name", 'npi', OLD."npi", 'tax_id', OLD."tax_id", 'taxonomy', OLD."taxonomy", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'phone', OLD."phone", 'contact', OLD."contact"), NULL);
END;

CREATE TRIGGER "audit_clearinghouse_insert" AFTER INSERT ON "clearinghouse"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'clearinghouse', NEW."id", NULL, json_object('id', NEW."id", 'name', NEW."name", 'sender_id', NEW."sender_id", 'receiver_id', NEW."receiver_id", 'submitter_id', NEW."submitter_id", 'usage', NEW."usage"));
END;
CREATE TRIGGER "audit_clearinghouse_update" AFTER UPDATE ON "clearinghouse"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."sender_id" IS NOT NEW."sender_id" OR OLD."receiver_id" IS NOT NEW."receiver_id" OR OLD."submitter_id" IS NOT NEW."submitter_id" OR OLD."usage" IS NOT NEW."usage"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'clearinghouse', NEW."id", json_object('id', OLD."id", 'name', OLD."name", 'sender_id', OLD."sender_id", 'receiver_id', OLD."receiver_id", 'submitter_id', OLD."submitter_id", 'usage', OLD."usage"), json_object('id', NEW."id", 'name', NEW."name", 'sender_id', NEW."sender_id", 'receiver_id', NEW."receiver_id", 'submitter_id', NEW."submitter_id", 'usage', NEW."usage"));
END;
CREATE TRIGGER "audit_clearinghouse_delete" AFTER DELETE ON "clearinghouse"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'clearinghouse', OLD."id", json_object('id', OLD."id", 'name', OLD."name", 'sender_id', OLD."sender_id", 'receiver_id', OLD."receiver_id", 'submitter_id', OLD."submitter_id", 'usage', OLD."usage"), NULL);
END;

CREATE TRIGGER "audit_charge_master_insert" AFTER INSERT ON "charge_master"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'charge_master', NEW."code", NULL, json_object('code', NEW."code", 'price_micros', NEW."price_micros"));
END;
CREATE TRIGGER "audit_charge_master_update" AFTER UPDATE ON "charge_master"
WHEN OLD."code" IS NOT NEW."code" OR OLD."price_micros" IS NOT NEW."price_micros"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'charge_master', NEW."code", json_object('code', OLD."code", 'price_micros', OLD."price_micros"), json_object('code', NEW."code", 'price_micros', NEW."price_micros"));
END;
CREATE TRIGGER "audit_charge_master_delete" AFTER DELETE ON "charge_master"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'charge_master', OLD."code", json_object('code', OLD."code", 'price_micros', OLD."price_micros"), NULL);
END;

CREATE TRIGGER "audit_payers_insert" AFTER INSERT ON "payers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'payers', NEW."id", NULL, json_object('id', NEW."id", 'name', NEW."name", 'payer_id', NEW."payer_id", 'filing_indicator', NEW."filing_indicator", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'code_set', NEW."code_set", 'per_diem_days', NEW."per_diem_days", 'line_span', NEW."line_span", 'concurrency_order', NEW."concurrency_order", 'concurrency_modifier59', NEW."concurrency_modifier59", 'incidental_per_diems', NEW."incidental_per_diems", 'self_administered_covered', NEW."self_administered_covered", 'drugs_on_medical_claim', NEW."drugs_on_medical_claim", 'waste_modifiers', NEW."waste_modifiers", 'compound_kp_kq', NEW."compound_kp_kq", 'ndc_units', NEW."ndc_units", 'nursing_rn_only', NEW."nursing_rn_only", 'nursing_max_hours_per_day', NEW."nursing_max_hours_per_day", 'requires_prior_auth', NEW."requires_prior_auth", 'claim_period', NEW."claim_period", 'timely_filing_days', NEW."timely_filing_days", 'pdf_page_totals', NEW."pdf_page_totals"));
END;
CREATE TRIGGER "audit_payers_update" AFTER UPDATE ON "payers"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."payer_id" IS NOT NEW."payer_id" OR OLD."filing_indicator" IS NOT NEW."filing_indicator" OR OLD."addr_line1" IS NOT NEW."addr_line1" OR OLD."addr_line2" IS NOT NEW."addr_line2" OR OLD."addr_city" IS NOT NEW."addr_city" OR OLD."addr_state" IS NOT NEW."addr_state" OR OLD."addr_zip" IS NOT NEW."addr_zip" OR OLD."code_set" IS NOT NEW."code_set" OR OLD."per_diem_days" IS NOT NEW."per_diem_days" OR OLD."line_span" IS NOT NEW."line_span" OR OLD."concurrency_order" IS NOT NEW."concurrency_order" OR OLD."concurrency_modifier59" IS NOT NEW."concurrency_modifier59" OR OLD."incidental_per_diems" IS NOT NEW."incidental_per_diems" OR OLD."self_administered_covered" IS NOT NEW."self_administered_covered" OR OLD."drugs_on_medical_claim" IS NOT NEW."drugs_on_medical_claim" OR OLD."waste_modifiers" IS NOT NEW."waste_modifiers" OR OLD."compound_kp_kq" IS NOT NEW."compound_kp_kq" OR OLD."ndc_units" IS NOT NEW."ndc_units" OR OLD."nursing_rn_only" IS NOT NEW."nursing_rn_only" OR OLD."nursing_max_hours_per_day" IS NOT NEW."nursing_max_hours_per_day" OR OLD."requires_prior_auth" IS NOT NEW."requires_prior_auth" OR OLD."claim_period" IS NOT NEW."claim_period" OR OLD."timely_filing_days" IS NOT NEW."timely_filing_days" OR OLD."pdf_page_totals" IS NOT NEW."pdf_page_totals"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'payers', NEW."id", json_object('id', OLD."id", 'name', OLD."name", 'payer_id', OLD."payer_id", 'filing_indicator', OLD."filing_indicator", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'code_set', OLD."code_set", 'per_diem_days', OLD."per_diem_days", 'line_span', OLD."line_span", 'concurrency_order', OLD."concurrency_order", 'concurrency_modifier59', OLD."concurrency_modifier59", 'incidental_per_diems', OLD."incidental_per_diems", 'self_administered_covered', OLD."self_administered_covered", 'drugs_on_medical_claim', OLD."drugs_on_medical_claim", 'waste_modifiers', OLD."waste_modifiers", 'compound_kp_kq', OLD."compound_kp_kq", 'ndc_units', OLD."ndc_units", 'nursing_rn_only', OLD."nursing_rn_only", 'nursing_max_hours_per_day', OLD."nursing_max_hours_per_day", 'requires_prior_auth', OLD."requires_prior_auth", 'claim_period', OLD."claim_period", 'timely_filing_days', OLD."timely_filing_days", 'pdf_page_totals', OLD."pdf_page_totals"), json_object('id', NEW."id", 'name', NEW."name", 'payer_id', NEW."payer_id", 'filing_indicator', NEW."filing_indicator", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'code_set', NEW."code_set", 'per_diem_days', NEW."per_diem_days", 'line_span', NEW."line_span", 'concurrency_order', NEW."concurrency_order", 'concurrency_modifier59', NEW."concurrency_modifier59", 'incidental_per_diems', NEW."incidental_per_diems", 'self_administered_covered', NEW."self_administered_covered", 'drugs_on_medical_claim', NEW."drugs_on_medical_claim", 'waste_modifiers', NEW."waste_modifiers", 'compound_kp_kq', NEW."compound_kp_kq", 'ndc_units', NEW."ndc_units", 'nursing_rn_only', NEW."nursing_rn_only", 'nursing_max_hours_per_day', NEW."nursing_max_hours_per_day", 'requires_prior_auth', NEW."requires_prior_auth", 'claim_period', NEW."claim_period", 'timely_filing_days', NEW."timely_filing_days", 'pdf_page_totals', NEW."pdf_page_totals"));
END;
CREATE TRIGGER "audit_payers_delete" AFTER DELETE ON "payers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'payers', OLD."id", json_object('id', OLD."id", 'name', OLD."name", 'payer_id', OLD."payer_id", 'filing_indicator', OLD."filing_indicator", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'code_set', OLD."code_set", 'per_diem_days', OLD."per_diem_days", 'line_span', OLD."line_span", 'concurrency_order', OLD."concurrency_order", 'concurrency_modifier59', OLD."concurrency_modifier59", 'incidental_per_diems', OLD."incidental_per_diems", 'self_administered_covered', OLD."self_administered_covered", 'drugs_on_medical_claim', OLD."drugs_on_medical_claim", 'waste_modifiers', OLD."waste_modifiers", 'compound_kp_kq', OLD."compound_kp_kq", 'ndc_units', OLD."ndc_units", 'nursing_rn_only', OLD."nursing_rn_only", 'nursing_max_hours_per_day', OLD."nursing_max_hours_per_day", 'requires_prior_auth', OLD."requires_prior_auth", 'claim_period', OLD."claim_period", 'timely_filing_days', OLD."timely_filing_days", 'pdf_page_totals', OLD."pdf_page_totals"), NULL);
END;

CREATE TRIGGER "audit_payer_fees_insert" AFTER INSERT ON "payer_fees"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'payer_fees', NEW."payer_id" || ':' || NEW."code", NULL, json_object('payer_id', NEW."payer_id", 'code', NEW."code", 'price_micros', NEW."price_micros"));
END;
CREATE TRIGGER "audit_payer_fees_update" AFTER UPDATE ON "payer_fees"
WHEN OLD."payer_id" IS NOT NEW."payer_id" OR OLD."code" IS NOT NEW."code" OR OLD."price_micros" IS NOT NEW."price_micros"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'payer_fees', NEW."payer_id" || ':' || NEW."code", json_object('payer_id', OLD."payer_id", 'code', OLD."code", 'price_micros', OLD."price_micros"), json_object('payer_id', NEW."payer_id", 'code', NEW."code", 'price_micros', NEW."price_micros"));
END;
CREATE TRIGGER "audit_payer_fees_delete" AFTER DELETE ON "payer_fees"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'payer_fees', OLD."payer_id" || ':' || OLD."code", json_object('payer_id', OLD."payer_id", 'code', OLD."code", 'price_micros', OLD."price_micros"), NULL);
END;

CREATE TRIGGER "audit_prescribers_insert" AFTER INSERT ON "prescribers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'prescribers', NEW."id", NULL, json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'npi', NEW."npi"));
END;
CREATE TRIGGER "audit_prescribers_update" AFTER UPDATE ON "prescribers"
WHEN OLD."id" IS NOT NEW."id" OR OLD."first_name" IS NOT NEW."first_name" OR OLD."last_name" IS NOT NEW."last_name" OR OLD."npi" IS NOT NEW."npi"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'prescribers', NEW."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'npi', OLD."npi"), json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'npi', NEW."npi"));
END;
CREATE TRIGGER "audit_prescribers_delete" AFTER DELETE ON "prescribers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'prescribers', OLD."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'npi', OLD."npi"), NULL);
END;

CREATE TRIGGER "audit_nurses_insert" AFTER INSERT ON "nurses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'nurses', NEW."id", NULL, json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'credential', NEW."credential", 'npi', NEW."npi"));
END;
CREATE TRIGGER "audit_nurses_update" AFTER UPDATE ON "nurses"
WHEN OLD."id" IS NOT NEW."id" OR OLD."first_name" IS NOT NEW."first_name" OR OLD."last_name" IS NOT NEW."last_name" OR OLD."credential" IS NOT NEW."credential" OR OLD."npi" IS NOT NEW."npi"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'nurses', NEW."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'credential', OLD."credential", 'npi', OLD."npi"), json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'credential', NEW."credential", 'npi', NEW."npi"));
END;
CREATE TRIGGER "audit_nurses_delete" AFTER DELETE ON "nurses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'nurses', OLD."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'credential', OLD."credential", 'npi', OLD."npi"), NULL);
END;

CREATE TRIGGER "audit_products_insert" AFTER INSERT ON "products"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'products', NEW."ndc", NULL, json_object('ndc', NEW."ndc", 'name', NEW."name", 'kind', NEW."kind", 'hcpcs', NEW."hcpcs", 'hcpcs_unit_amount', NEW."hcpcs_unit_amount", 'hcpcs_unit', NEW."hcpcs_unit", 'ndc_unit', NEW."ndc_unit", 'drug_per_ndc_amount', NEW."drug_per_ndc_amount", 'drug_per_ndc_unit', NEW."drug_per_ndc_unit", 'container_size', NEW."container_size", 'single_dose', NEW."single_dose", 'tpn_included', NEW."tpn_included"));
END;
CREATE TRIGGER "audit_products_update" AFTER UPDATE ON "products"
WHEN OLD."ndc" IS NOT NEW."ndc" OR OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."hcpcs" IS NOT NEW."hcpcs" OR OLD."hcpcs_unit_amount" IS NOT NEW."hcpcs_unit_amount" OR OLD."hcpcs_unit" IS NOT NEW."hcpcs_unit" OR OLD."ndc_unit" IS NOT NEW."ndc_unit" OR OLD."drug_per_ndc_amount" IS NOT NEW."drug_per_ndc_amount" OR OLD."drug_per_ndc_unit" IS NOT NEW."drug_per_ndc_unit" OR OLD."container_size" IS NOT NEW."container_size" OR OLD."single_dose" IS NOT NEW."single_dose" OR OLD."tpn_included" IS NOT NEW."tpn_included"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'products', NEW."ndc", json_object('ndc', OLD."ndc", 'name', OLD."name", 'kind', OLD."kind", 'hcpcs', OLD."hcpcs", 'hcpcs_unit_amount', OLD."hcpcs_unit_amount", 'hcpcs_unit', OLD."hcpcs_unit", 'ndc_unit', OLD."ndc_unit", 'drug_per_ndc_amount', OLD."drug_per_ndc_amount", 'drug_per_ndc_unit', OLD."drug_per_ndc_unit", 'container_size', OLD."container_size", 'single_dose', OLD."single_dose", 'tpn_included', OLD."tpn_included"), json_object('ndc', NEW."ndc", 'name', NEW."name", 'kind', NEW."kind", 'hcpcs', NEW."hcpcs", 'hcpcs_unit_amount', NEW."hcpcs_unit_amount", 'hcpcs_unit', NEW."hcpcs_unit", 'ndc_unit', NEW."ndc_unit", 'drug_per_ndc_amount', NEW."drug_per_ndc_amount", 'drug_per_ndc_unit', NEW."drug_per_ndc_unit", 'container_size', NEW."container_size", 'single_dose', NEW."single_dose", 'tpn_included', NEW."tpn_included"));
END;
CREATE TRIGGER "audit_products_delete" AFTER DELETE ON "products"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'products', OLD."ndc", json_object('ndc', OLD."ndc", 'name', OLD."name", 'kind', OLD."kind", 'hcpcs', OLD."hcpcs", 'hcpcs_unit_amount', OLD."hcpcs_unit_amount", 'hcpcs_unit', OLD."hcpcs_unit", 'ndc_unit', OLD."ndc_unit", 'drug_per_ndc_amount', OLD."drug_per_ndc_amount", 'drug_per_ndc_unit', OLD."drug_per_ndc_unit", 'container_size', OLD."container_size", 'single_dose', OLD."single_dose", 'tpn_included', OLD."tpn_included"), NULL);
END;

CREATE TRIGGER "audit_patients_insert" AFTER INSERT ON "patients"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'patients', NEW."id", NULL, json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'middle', NEW."middle", 'dob', NEW."dob", 'sex', NEW."sex", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'phone', NEW."phone"));
END;
CREATE TRIGGER "audit_patients_update" AFTER UPDATE ON "patients"
WHEN OLD."id" IS NOT NEW."id" OR OLD."first_name" IS NOT NEW."first_name" OR OLD."last_name" IS NOT NEW."last_name" OR OLD."middle" IS NOT NEW."middle" OR OLD."dob" IS NOT NEW."dob" OR OLD."sex" IS NOT NEW."sex" OR OLD."addr_line1" IS NOT NEW."addr_line1" OR OLD."addr_line2" IS NOT NEW."addr_line2" OR OLD."addr_city" IS NOT NEW."addr_city" OR OLD."addr_state" IS NOT NEW."addr_state" OR OLD."addr_zip" IS NOT NEW."addr_zip" OR OLD."phone" IS NOT NEW."phone"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'patients', NEW."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'middle', OLD."middle", 'dob', OLD."dob", 'sex', OLD."sex", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'phone', OLD."phone"), json_object('id', NEW."id", 'first_name', NEW."first_name", 'last_name', NEW."last_name", 'middle', NEW."middle", 'dob', NEW."dob", 'sex', NEW."sex", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'phone', NEW."phone"));
END;
CREATE TRIGGER "audit_patients_delete" AFTER DELETE ON "patients"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'patients', OLD."id", json_object('id', OLD."id", 'first_name', OLD."first_name", 'last_name', OLD."last_name", 'middle', OLD."middle", 'dob', OLD."dob", 'sex', OLD."sex", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'phone', OLD."phone"), NULL);
END;

CREATE TRIGGER "audit_coverages_insert" AFTER INSERT ON "coverages"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'coverages', NEW."patient_id" || ':' || NEW."priority", NULL, json_object('patient_id', NEW."patient_id", 'priority', NEW."priority", 'payer_id', NEW."payer_id", 'member_id', NEW."member_id", 'group_number', NEW."group_number", 'relationship', NEW."relationship", 'sub_first_name', NEW."sub_first_name", 'sub_last_name', NEW."sub_last_name", 'sub_middle', NEW."sub_middle", 'sub_dob', NEW."sub_dob", 'sub_sex', NEW."sub_sex", 'sub_addr_line1', NEW."sub_addr_line1", 'sub_addr_line2', NEW."sub_addr_line2", 'sub_addr_city', NEW."sub_addr_city", 'sub_addr_state', NEW."sub_addr_state", 'sub_addr_zip', NEW."sub_addr_zip", 'seq', NEW."seq"));
END;
CREATE TRIGGER "audit_coverages_update" AFTER UPDATE ON "coverages"
WHEN OLD."patient_id" IS NOT NEW."patient_id" OR OLD."priority" IS NOT NEW."priority" OR OLD."payer_id" IS NOT NEW."payer_id" OR OLD."member_id" IS NOT NEW."member_id" OR OLD."group_number" IS NOT NEW."group_number" OR OLD."relationship" IS NOT NEW."relationship" OR OLD."sub_first_name" IS NOT NEW."sub_first_name" OR OLD."sub_last_name" IS NOT NEW."sub_last_name" OR OLD."sub_middle" IS NOT NEW."sub_middle" OR OLD."sub_dob" IS NOT NEW."sub_dob" OR OLD."sub_sex" IS NOT NEW."sub_sex" OR OLD."sub_addr_line1" IS NOT NEW."sub_addr_line1" OR OLD."sub_addr_line2" IS NOT NEW."sub_addr_line2" OR OLD."sub_addr_city" IS NOT NEW."sub_addr_city" OR OLD."sub_addr_state" IS NOT NEW."sub_addr_state" OR OLD."sub_addr_zip" IS NOT NEW."sub_addr_zip" OR OLD."seq" IS NOT NEW."seq"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'coverages', NEW."patient_id" || ':' || NEW."priority", json_object('patient_id', OLD."patient_id", 'priority', OLD."priority", 'payer_id', OLD."payer_id", 'member_id', OLD."member_id", 'group_number', OLD."group_number", 'relationship', OLD."relationship", 'sub_first_name', OLD."sub_first_name", 'sub_last_name', OLD."sub_last_name", 'sub_middle', OLD."sub_middle", 'sub_dob', OLD."sub_dob", 'sub_sex', OLD."sub_sex", 'sub_addr_line1', OLD."sub_addr_line1", 'sub_addr_line2', OLD."sub_addr_line2", 'sub_addr_city', OLD."sub_addr_city", 'sub_addr_state', OLD."sub_addr_state", 'sub_addr_zip', OLD."sub_addr_zip", 'seq', OLD."seq"), json_object('patient_id', NEW."patient_id", 'priority', NEW."priority", 'payer_id', NEW."payer_id", 'member_id', NEW."member_id", 'group_number', NEW."group_number", 'relationship', NEW."relationship", 'sub_first_name', NEW."sub_first_name", 'sub_last_name', NEW."sub_last_name", 'sub_middle', NEW."sub_middle", 'sub_dob', NEW."sub_dob", 'sub_sex', NEW."sub_sex", 'sub_addr_line1', NEW."sub_addr_line1", 'sub_addr_line2', NEW."sub_addr_line2", 'sub_addr_city', NEW."sub_addr_city", 'sub_addr_state', NEW."sub_addr_state", 'sub_addr_zip', NEW."sub_addr_zip", 'seq', NEW."seq"));
END;
CREATE TRIGGER "audit_coverages_delete" AFTER DELETE ON "coverages"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'coverages', OLD."patient_id" || ':' || OLD."priority", json_object('patient_id', OLD."patient_id", 'priority', OLD."priority", 'payer_id', OLD."payer_id", 'member_id', OLD."member_id", 'group_number', OLD."group_number", 'relationship', OLD."relationship", 'sub_first_name', OLD."sub_first_name", 'sub_last_name', OLD."sub_last_name", 'sub_middle', OLD."sub_middle", 'sub_dob', OLD."sub_dob", 'sub_sex', OLD."sub_sex", 'sub_addr_line1', OLD."sub_addr_line1", 'sub_addr_line2', OLD."sub_addr_line2", 'sub_addr_city', OLD."sub_addr_city", 'sub_addr_state', OLD."sub_addr_state", 'sub_addr_zip', OLD."sub_addr_zip", 'seq', OLD."seq"), NULL);
END;

CREATE TRIGGER "audit_therapies_insert" AFTER INSERT ON "therapies"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'therapies', NEW."id", NULL, json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'payer_id', NEW."payer_id", 'category', NEW."category", 'qualifier_liters', NEW."qualifier_liters", 'qualifier_mode', NEW."qualifier_mode", 'qualifier_lumen', NEW."qualifier_lumen", 'has_qualifier', NEW."has_qualifier", 'route', NEW."route", 'self_administered', NEW."self_administered", 'per_diem_code', NEW."per_diem_code", 'schedule_kind', NEW."schedule_kind", 'schedule_every', NEW."schedule_every", 'start_date', NEW."start_date", 'stop_date', NEW."stop_date", 'prescriber_id', NEW."prescriber_id"));
END;
CREATE TRIGGER "audit_therapies_update" AFTER UPDATE ON "therapies"
WHEN OLD."id" IS NOT NEW."id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."payer_id" IS NOT NEW."payer_id" OR OLD."category" IS NOT NEW."category" OR OLD."qualifier_liters" IS NOT NEW."qualifier_liters" OR OLD."qualifier_mode" IS NOT NEW."qualifier_mode" OR OLD."qualifier_lumen" IS NOT NEW."qualifier_lumen" OR OLD."has_qualifier" IS NOT NEW."has_qualifier" OR OLD."route" IS NOT NEW."route" OR OLD."self_administered" IS NOT NEW."self_administered" OR OLD."per_diem_code" IS NOT NEW."per_diem_code" OR OLD."schedule_kind" IS NOT NEW."schedule_kind" OR OLD."schedule_every" IS NOT NEW."schedule_every" OR OLD."start_date" IS NOT NEW."start_date" OR OLD."stop_date" IS NOT NEW."stop_date" OR OLD."prescriber_id" IS NOT NEW."prescriber_id"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'therapies', NEW."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'payer_id', OLD."payer_id", 'category', OLD."category", 'qualifier_liters', OLD."qualifier_liters", 'qualifier_mode', OLD."qualifier_mode", 'qualifier_lumen', OLD."qualifier_lumen", 'has_qualifier', OLD."has_qualifier", 'route', OLD."route", 'self_administered', OLD."self_administered", 'per_diem_code', OLD."per_diem_code", 'schedule_kind', OLD."schedule_kind", 'schedule_every', OLD."schedule_every", 'start_date', OLD."start_date", 'stop_date', OLD."stop_date", 'prescriber_id', OLD."prescriber_id"), json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'payer_id', NEW."payer_id", 'category', NEW."category", 'qualifier_liters', NEW."qualifier_liters", 'qualifier_mode', NEW."qualifier_mode", 'qualifier_lumen', NEW."qualifier_lumen", 'has_qualifier', NEW."has_qualifier", 'route', NEW."route", 'self_administered', NEW."self_administered", 'per_diem_code', NEW."per_diem_code", 'schedule_kind', NEW."schedule_kind", 'schedule_every', NEW."schedule_every", 'start_date', NEW."start_date", 'stop_date', NEW."stop_date", 'prescriber_id', NEW."prescriber_id"));
END;
CREATE TRIGGER "audit_therapies_delete" AFTER DELETE ON "therapies"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'therapies', OLD."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'payer_id', OLD."payer_id", 'category', OLD."category", 'qualifier_liters', OLD."qualifier_liters", 'qualifier_mode', OLD."qualifier_mode", 'qualifier_lumen', OLD."qualifier_lumen", 'has_qualifier', OLD."has_qualifier", 'route', OLD."route", 'self_administered', OLD."self_administered", 'per_diem_code', OLD."per_diem_code", 'schedule_kind', OLD."schedule_kind", 'schedule_every', OLD."schedule_every", 'start_date', OLD."start_date", 'stop_date', OLD."stop_date", 'prescriber_id', OLD."prescriber_id"), NULL);
END;

CREATE TRIGGER "audit_therapy_holds_insert" AFTER INSERT ON "therapy_holds"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'therapy_holds', NEW."therapy_id" || ':' || NEW."seq", NULL, json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'from_date', NEW."from_date", 'to_date', NEW."to_date", 'reason', NEW."reason"));
END;
CREATE TRIGGER "audit_therapy_holds_update" AFTER UPDATE ON "therapy_holds"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."from_date" IS NOT NEW."from_date" OR OLD."to_date" IS NOT NEW."to_date" OR OLD."reason" IS NOT NEW."reason"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'therapy_holds', NEW."therapy_id" || ':' || NEW."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'from_date', OLD."from_date", 'to_date', OLD."to_date", 'reason', OLD."reason"), json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'from_date', NEW."from_date", 'to_date', NEW."to_date", 'reason', NEW."reason"));
END;
CREATE TRIGGER "audit_therapy_holds_delete" AFTER DELETE ON "therapy_holds"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'therapy_holds', OLD."therapy_id" || ':' || OLD."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'from_date', OLD."from_date", 'to_date', OLD."to_date", 'reason', OLD."reason"), NULL);
END;

CREATE TRIGGER "audit_therapy_doses_insert" AFTER INSERT ON "therapy_doses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'therapy_doses', NEW."therapy_id" || ':' || NEW."seq", NULL, json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'date', NEW."date", 'given', NEW."given"));
END;
CREATE TRIGGER "audit_therapy_doses_update" AFTER UPDATE ON "therapy_doses"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."date" IS NOT NEW."date" OR OLD."given" IS NOT NEW."given"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'therapy_doses', NEW."therapy_id" || ':' || NEW."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'date', OLD."date", 'given', OLD."given"), json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'date', NEW."date", 'given', NEW."given"));
END;
CREATE TRIGGER "audit_therapy_doses_delete" AFTER DELETE ON "therapy_doses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'therapy_doses', OLD."therapy_id" || ':' || OLD."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'date', OLD."date", 'given', OLD."given"), NULL);
END;

CREATE TRIGGER "audit_therapy_diagnoses_insert" AFTER INSERT ON "therapy_diagnoses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'therapy_diagnoses', NEW."therapy_id" || ':' || NEW."seq", NULL, json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'code', NEW."code"));
END;
CREATE TRIGGER "audit_therapy_diagnoses_update" AFTER UPDATE ON "therapy_diagnoses"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."code" IS NOT NEW."code"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'therapy_diagnoses', NEW."therapy_id" || ':' || NEW."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'code', OLD."code"), json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'code', NEW."code"));
END;
CREATE TRIGGER "audit_therapy_diagnoses_delete" AFTER DELETE ON "therapy_diagnoses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'therapy_diagnoses', OLD."therapy_id" || ':' || OLD."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'code', OLD."code"), NULL);
END;

CREATE TRIGGER "audit_prior_auths_insert" AFTER INSERT ON "prior_auths"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'prior_auths', NEW."therapy_id" || ':' || NEW."seq", NULL, json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'number', NEW."number", 'from_date', NEW."from_date", 'to_date', NEW."to_date", 'has_units', NEW."has_units"));
END;
CREATE TRIGGER "audit_prior_auths_update" AFTER UPDATE ON "prior_auths"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."number" IS NOT NEW."number" OR OLD."from_date" IS NOT NEW."from_date" OR OLD."to_date" IS NOT NEW."to_date" OR OLD."has_units" IS NOT NEW."has_units"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'prior_auths', NEW."therapy_id" || ':' || NEW."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'number', OLD."number", 'from_date', OLD."from_date", 'to_date', OLD."to_date", 'has_units', OLD."has_units"), json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'number', NEW."number", 'from_date', NEW."from_date", 'to_date', NEW."to_date", 'has_units', NEW."has_units"));
END;
CREATE TRIGGER "audit_prior_auths_delete" AFTER DELETE ON "prior_auths"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'prior_auths', OLD."therapy_id" || ':' || OLD."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'number', OLD."number", 'from_date', OLD."from_date", 'to_date', OLD."to_date", 'has_units', OLD."has_units"), NULL);
END;

CREATE TRIGGER "audit_prior_auth_units_insert" AFTER INSERT ON "prior_auth_units"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'prior_auth_units', NEW."therapy_id" || ':' || NEW."auth_seq" || ':' || NEW."code", NULL, json_object('therapy_id', NEW."therapy_id", 'auth_seq', NEW."auth_seq", 'code', NEW."code", 'units', NEW."units", 'seq', NEW."seq"));
END;
CREATE TRIGGER "audit_prior_auth_units_update" AFTER UPDATE ON "prior_auth_units"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."auth_seq" IS NOT NEW."auth_seq" OR OLD."code" IS NOT NEW."code" OR OLD."units" IS NOT NEW."units" OR OLD."seq" IS NOT NEW."seq"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'prior_auth_units', NEW."therapy_id" || ':' || NEW."auth_seq" || ':' || NEW."code", json_object('therapy_id', OLD."therapy_id", 'auth_seq', OLD."auth_seq", 'code', OLD."code", 'units', OLD."units", 'seq', OLD."seq"), json_object('therapy_id', NEW."therapy_id", 'auth_seq', NEW."auth_seq", 'code', NEW."code", 'units', NEW."units", 'seq', NEW."seq"));
END;
CREATE TRIGGER "audit_prior_auth_units_delete" AFTER DELETE ON "prior_auth_units"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'prior_auth_units', OLD."therapy_id" || ':' || OLD."auth_seq" || ':' || OLD."code", json_object('therapy_id', OLD."therapy_id", 'auth_seq', OLD."auth_seq", 'code', OLD."code", 'units', OLD."units", 'seq', OLD."seq"), NULL);
END;

CREATE TRIGGER "audit_therapy_drugs_insert" AFTER INSERT ON "therapy_drugs"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'therapy_drugs', NEW."therapy_id" || ':' || NEW."seq", NULL, json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'ndc', NEW."ndc", 'dose_amount', NEW."dose_amount", 'dose_unit', NEW."dose_unit"));
END;
CREATE TRIGGER "audit_therapy_drugs_update" AFTER UPDATE ON "therapy_drugs"
WHEN OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."ndc" IS NOT NEW."ndc" OR OLD."dose_amount" IS NOT NEW."dose_amount" OR OLD."dose_unit" IS NOT NEW."dose_unit"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'therapy_drugs', NEW."therapy_id" || ':' || NEW."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'ndc', OLD."ndc", 'dose_amount', OLD."dose_amount", 'dose_unit', OLD."dose_unit"), json_object('therapy_id', NEW."therapy_id", 'seq', NEW."seq", 'ndc', NEW."ndc", 'dose_amount', NEW."dose_amount", 'dose_unit', NEW."dose_unit"));
END;
CREATE TRIGGER "audit_therapy_drugs_delete" AFTER DELETE ON "therapy_drugs"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'therapy_drugs', OLD."therapy_id" || ':' || OLD."seq", json_object('therapy_id', OLD."therapy_id", 'seq', OLD."seq", 'ndc', OLD."ndc", 'dose_amount', OLD."dose_amount", 'dose_unit', OLD."dose_unit"), NULL);
END;

CREATE TRIGGER "audit_dispenses_insert" AFTER INSERT ON "dispenses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'dispenses', NEW."id", NULL, json_object('id', NEW."id", 'therapy_id', NEW."therapy_id", 'date', NEW."date", 'ndc', NEW."ndc", 'quantity', NEW."quantity", 'days_supply', NEW."days_supply", 'lot', NEW."lot", 'expiry', NEW."expiry"));
END;
CREATE TRIGGER "audit_dispenses_update" AFTER UPDATE ON "dispenses"
WHEN OLD."id" IS NOT NEW."id" OR OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."date" IS NOT NEW."date" OR OLD."ndc" IS NOT NEW."ndc" OR OLD."quantity" IS NOT NEW."quantity" OR OLD."days_supply" IS NOT NEW."days_supply" OR OLD."lot" IS NOT NEW."lot" OR OLD."expiry" IS NOT NEW."expiry"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'dispenses', NEW."id", json_object('id', OLD."id", 'therapy_id', OLD."therapy_id", 'date', OLD."date", 'ndc', OLD."ndc", 'quantity', OLD."quantity", 'days_supply', OLD."days_supply", 'lot', OLD."lot", 'expiry', OLD."expiry"), json_object('id', NEW."id", 'therapy_id', NEW."therapy_id", 'date', NEW."date", 'ndc', NEW."ndc", 'quantity', NEW."quantity", 'days_supply', NEW."days_supply", 'lot', NEW."lot", 'expiry', NEW."expiry"));
END;
CREATE TRIGGER "audit_dispenses_delete" AFTER DELETE ON "dispenses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'dispenses', OLD."id", json_object('id', OLD."id", 'therapy_id', OLD."therapy_id", 'date', OLD."date", 'ndc', OLD."ndc", 'quantity', OLD."quantity", 'days_supply', OLD."days_supply", 'lot', OLD."lot", 'expiry', OLD."expiry"), NULL);
END;

CREATE TRIGGER "audit_visits_insert" AFTER INSERT ON "visits"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'visits', NEW."id", NULL, json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'therapy_id', NEW."therapy_id", 'nurse_id', NEW."nurse_id", 'date', NEW."date", 'arrival', NEW."arrival", 'departure', NEW."departure", 'departure_date', NEW."departure_date", 'signed', NEW."signed", 'notes', NEW."notes"));
END;
CREATE TRIGGER "audit_visits_update" AFTER UPDATE ON "visits"
WHEN OLD."id" IS NOT NEW."id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."nurse_id" IS NOT NEW."nurse_id" OR OLD."date" IS NOT NEW."date" OR OLD."arrival" IS NOT NEW."arrival" OR OLD."departure" IS NOT NEW."departure" OR OLD."departure_date" IS NOT NEW."departure_date" OR OLD."signed" IS NOT NEW."signed" OR OLD."notes" IS NOT NEW."notes"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'visits', NEW."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'therapy_id', OLD."therapy_id", 'nurse_id', OLD."nurse_id", 'date', OLD."date", 'arrival', OLD."arrival", 'departure', OLD."departure", 'departure_date', OLD."departure_date", 'signed', OLD."signed", 'notes', OLD."notes"), json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'therapy_id', NEW."therapy_id", 'nurse_id', NEW."nurse_id", 'date', NEW."date", 'arrival', NEW."arrival", 'departure', NEW."departure", 'departure_date', NEW."departure_date", 'signed', NEW."signed", 'notes', NEW."notes"));
END;
CREATE TRIGGER "audit_visits_delete" AFTER DELETE ON "visits"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'visits', OLD."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'therapy_id', OLD."therapy_id", 'nurse_id', OLD."nurse_id", 'date', OLD."date", 'arrival', OLD."arrival", 'departure', OLD."departure", 'departure_date', OLD."departure_date", 'signed', OLD."signed", 'notes', OLD."notes"), NULL);
END;

CREATE TRIGGER "audit_claim_warning_acks_insert" AFTER INSERT ON "claim_warning_acks"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'claim_warning_acks', NEW."claim_id", NULL, json_object('claim_id', NEW."claim_id", 'warnings_hash', NEW."warnings_hash", 'acknowledged_at', NEW."acknowledged_at"));
END;
CREATE TRIGGER "audit_claim_warning_acks_update" AFTER UPDATE ON "claim_warning_acks"
WHEN OLD."claim_id" IS NOT NEW."claim_id" OR OLD."warnings_hash" IS NOT NEW."warnings_hash" OR OLD."acknowledged_at" IS NOT NEW."acknowledged_at"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'claim_warning_acks', NEW."claim_id", json_object('claim_id', OLD."claim_id", 'warnings_hash', OLD."warnings_hash", 'acknowledged_at', OLD."acknowledged_at"), json_object('claim_id', NEW."claim_id", 'warnings_hash', NEW."warnings_hash", 'acknowledged_at', NEW."acknowledged_at"));
END;
CREATE TRIGGER "audit_claim_warning_acks_delete" AFTER DELETE ON "claim_warning_acks"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'claim_warning_acks', OLD."claim_id", json_object('claim_id', OLD."claim_id", 'warnings_hash', OLD."warnings_hash", 'acknowledged_at', OLD."acknowledged_at"), NULL);
END;
