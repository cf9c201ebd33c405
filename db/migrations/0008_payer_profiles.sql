-- 0008 payer profiles (billing-rules.md §12): the settings of §12.2, the profile a payer was added
-- with, and dispenses of patient-owned equipment (R-SU-4). `requires_prior_auth` gives way to
-- `prior_auth_required_for` (JSON: "all", "none" or a list of codes, ranges and categories):
-- 1 becomes "all", 0 "none". compound_kp_kq keeps 0/1; compound_kp_kq_paper = 1 with it means
-- KP/KQ on the CMS-1500 only (R-DR-8 "paper"). New columns take the §12.2 defaults, so existing
-- payers bill as before. The audit triggers of both tables are dropped and generated anew from
-- their columns (electron/security/auditTriggers.ts).
DROP TRIGGER "audit_payers_insert";
DROP TRIGGER "audit_payers_update";
DROP TRIGGER "audit_payers_delete";
DROP TRIGGER "audit_dispenses_insert";
DROP TRIGGER "audit_dispenses_update";
DROP TRIGGER "audit_dispenses_delete";

ALTER TABLE payers ADD COLUMN profile TEXT
  CHECK (profile IS NULL OR profile IN ('bcbs-vt', 'bcbs-nm', 'bcbs-tx', 'allways', 'wellcare-nc'));
ALTER TABLE payers ADD COLUMN prior_auth_required_for TEXT NOT NULL DEFAULT '"all"' CHECK (json_valid(prior_auth_required_for));
ALTER TABLE payers ADD COLUMN injectable_without_iv_or_rn TEXT NOT NULL DEFAULT 'warn'
  CHECK (injectable_without_iv_or_rn IN ('warn', 'notBilled', 'off'));
ALTER TABLE payers ADD COLUMN self_administration_required INTEGER NOT NULL DEFAULT 0 CHECK (self_administration_required IN (0, 1));
ALTER TABLE payers ADD COLUMN always_bundled TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(always_bundled));
ALTER TABLE payers ADD COLUMN bundled_supplies TEXT NOT NULL
  DEFAULT '["A4206-A8004","A4216","A4218","A4300-A4301","A4305-A4306","A9270","A9900","A9999","E0776-E0791","J1642","J7030-J7060"]'
  CHECK (json_valid(bundled_supplies));
ALTER TABLE payers ADD COLUMN drug_line_notes INTEGER NOT NULL DEFAULT 0 CHECK (drug_line_notes IN (0, 1));
ALTER TABLE payers ADD COLUMN charge_basis TEXT NOT NULL DEFAULT 'payerFee' CHECK (charge_basis IN ('payerFee', 'chargeMaster'));
ALTER TABLE payers ADD COLUMN code_dates TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(code_dates));
ALTER TABLE payers ADD COLUMN compound_kp_kq_paper INTEGER NOT NULL DEFAULT 0 CHECK (compound_kp_kq_paper IN (0, 1));
UPDATE payers SET prior_auth_required_for = CASE requires_prior_auth WHEN 1 THEN '"all"' ELSE '"none"' END;
ALTER TABLE payers DROP COLUMN requires_prior_auth;

ALTER TABLE dispenses ADD COLUMN patient_owned INTEGER NOT NULL DEFAULT 0 CHECK (patient_owned IN (0, 1));

-- a line's NOC description (R-CL-12), drug-line note (R-DR-12) and the modifiers only the
-- CMS-1500 prints (R-DR-8 "paper", JSON array); NULL when the line has none
ALTER TABLE claim_lines ADD COLUMN description TEXT;
ALTER TABLE claim_lines ADD COLUMN note TEXT;
ALTER TABLE claim_lines ADD COLUMN paper_modifiers TEXT CHECK (paper_modifiers IS NULL OR json_valid(paper_modifiers));

-- BEGIN GENERATED audit triggers (payers, dispenses)
CREATE TRIGGER "audit_payers_insert" AFTER INSERT ON "payers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'payers', NEW."id", NULL, json_object('id', NEW."id", 'name', NEW."name", 'payer_id', NEW."payer_id", 'filing_indicator', NEW."filing_indicator", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'code_set', NEW."code_set", 'per_diem_days', NEW."per_diem_days", 'line_span', NEW."line_span", 'concurrency_order', NEW."concurrency_order", 'concurrency_modifier59', NEW."concurrency_modifier59", 'incidental_per_diems', NEW."incidental_per_diems", 'self_administered_covered', NEW."self_administered_covered", 'drugs_on_medical_claim', NEW."drugs_on_medical_claim", 'waste_modifiers', NEW."waste_modifiers", 'compound_kp_kq', NEW."compound_kp_kq", 'ndc_units', NEW."ndc_units", 'nursing_rn_only', NEW."nursing_rn_only", 'nursing_max_hours_per_day', NEW."nursing_max_hours_per_day", 'claim_period', NEW."claim_period", 'timely_filing_days', NEW."timely_filing_days", 'pdf_page_totals', NEW."pdf_page_totals", 'profile', NEW."profile", 'prior_auth_required_for', NEW."prior_auth_required_for", 'injectable_without_iv_or_rn', NEW."injectable_without_iv_or_rn", 'self_administration_required', NEW."self_administration_required", 'always_bundled', NEW."always_bundled", 'bundled_supplies', NEW."bundled_supplies", 'drug_line_notes', NEW."drug_line_notes", 'charge_basis', NEW."charge_basis", 'code_dates', NEW."code_dates", 'compound_kp_kq_paper', NEW."compound_kp_kq_paper"));
END;
CREATE TRIGGER "audit_payers_update" AFTER UPDATE ON "payers"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."payer_id" IS NOT NEW."payer_id" OR OLD."filing_indicator" IS NOT NEW."filing_indicator" OR OLD."addr_line1" IS NOT NEW."addr_line1" OR OLD."addr_line2" IS NOT NEW."addr_line2" OR OLD."addr_city" IS NOT NEW."addr_city" OR OLD."addr_state" IS NOT NEW."addr_state" OR OLD."addr_zip" IS NOT NEW."addr_zip" OR OLD."code_set" IS NOT NEW."code_set" OR OLD."per_diem_days" IS NOT NEW."per_diem_days" OR OLD."line_span" IS NOT NEW."line_span" OR OLD."concurrency_order" IS NOT NEW."concurrency_order" OR OLD."concurrency_modifier59" IS NOT NEW."concurrency_modifier59" OR OLD."incidental_per_diems" IS NOT NEW."incidental_per_diems" OR OLD."self_administered_covered" IS NOT NEW."self_administered_covered" OR OLD."drugs_on_medical_claim" IS NOT NEW."drugs_on_medical_claim" OR OLD."waste_modifiers" IS NOT NEW."waste_modifiers" OR OLD."compound_kp_kq" IS NOT NEW."compound_kp_kq" OR OLD."ndc_units" IS NOT NEW."ndc_units" OR OLD."nursing_rn_only" IS NOT NEW."nursing_rn_only" OR OLD."nursing_max_hours_per_day" IS NOT NEW."nursing_max_hours_per_day" OR OLD."claim_period" IS NOT NEW."claim_period" OR OLD."timely_filing_days" IS NOT NEW."timely_filing_days" OR OLD."pdf_page_totals" IS NOT NEW."pdf_page_totals" OR OLD."profile" IS NOT NEW."profile" OR OLD."prior_auth_required_for" IS NOT NEW."prior_auth_required_for" OR OLD."injectable_without_iv_or_rn" IS NOT NEW."injectable_without_iv_or_rn" OR OLD."self_administration_required" IS NOT NEW."self_administration_required" OR OLD."always_bundled" IS NOT NEW."always_bundled" OR OLD."bundled_supplies" IS NOT NEW."bundled_supplies" OR OLD."drug_line_notes" IS NOT NEW."drug_line_notes" OR OLD."charge_basis" IS NOT NEW."charge_basis" OR OLD."code_dates" IS NOT NEW."code_dates" OR OLD."compound_kp_kq_paper" IS NOT NEW."compound_kp_kq_paper"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'payers', NEW."id", json_object('id', OLD."id", 'name', OLD."name", 'payer_id', OLD."payer_id", 'filing_indicator', OLD."filing_indicator", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'code_set', OLD."code_set", 'per_diem_days', OLD."per_diem_days", 'line_span', OLD."line_span", 'concurrency_order', OLD."concurrency_order", 'concurrency_modifier59', OLD."concurrency_modifier59", 'incidental_per_diems', OLD."incidental_per_diems", 'self_administered_covered', OLD."self_administered_covered", 'drugs_on_medical_claim', OLD."drugs_on_medical_claim", 'waste_modifiers', OLD."waste_modifiers", 'compound_kp_kq', OLD."compound_kp_kq", 'ndc_units', OLD."ndc_units", 'nursing_rn_only', OLD."nursing_rn_only", 'nursing_max_hours_per_day', OLD."nursing_max_hours_per_day", 'claim_period', OLD."claim_period", 'timely_filing_days', OLD."timely_filing_days", 'pdf_page_totals', OLD."pdf_page_totals", 'profile', OLD."profile", 'prior_auth_required_for', OLD."prior_auth_required_for", 'injectable_without_iv_or_rn', OLD."injectable_without_iv_or_rn", 'self_administration_required', OLD."self_administration_required", 'always_bundled', OLD."always_bundled", 'bundled_supplies', OLD."bundled_supplies", 'drug_line_notes', OLD."drug_line_notes", 'charge_basis', OLD."charge_basis", 'code_dates', OLD."code_dates", 'compound_kp_kq_paper', OLD."compound_kp_kq_paper"), json_object('id', NEW."id", 'name', NEW."name", 'payer_id', NEW."payer_id", 'filing_indicator', NEW."filing_indicator", 'addr_line1', NEW."addr_line1", 'addr_line2', NEW."addr_line2", 'addr_city', NEW."addr_city", 'addr_state', NEW."addr_state", 'addr_zip', NEW."addr_zip", 'code_set', NEW."code_set", 'per_diem_days', NEW."per_diem_days", 'line_span', NEW."line_span", 'concurrency_order', NEW."concurrency_order", 'concurrency_modifier59', NEW."concurrency_modifier59", 'incidental_per_diems', NEW."incidental_per_diems", 'self_administered_covered', NEW."self_administered_covered", 'drugs_on_medical_claim', NEW."drugs_on_medical_claim", 'waste_modifiers', NEW."waste_modifiers", 'compound_kp_kq', NEW."compound_kp_kq", 'ndc_units', NEW."ndc_units", 'nursing_rn_only', NEW."nursing_rn_only", 'nursing_max_hours_per_day', NEW."nursing_max_hours_per_day", 'claim_period', NEW."claim_period", 'timely_filing_days', NEW."timely_filing_days", 'pdf_page_totals', NEW."pdf_page_totals", 'profile', NEW."profile", 'prior_auth_required_for', NEW."prior_auth_required_for", 'injectable_without_iv_or_rn', NEW."injectable_without_iv_or_rn", 'self_administration_required', NEW."self_administration_required", 'always_bundled', NEW."always_bundled", 'bundled_supplies', NEW."bundled_supplies", 'drug_line_notes', NEW."drug_line_notes", 'charge_basis', NEW."charge_basis", 'code_dates', NEW."code_dates", 'compound_kp_kq_paper', NEW."compound_kp_kq_paper"));
END;
CREATE TRIGGER "audit_payers_delete" AFTER DELETE ON "payers"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'payers', OLD."id", json_object('id', OLD."id", 'name', OLD."name", 'payer_id', OLD."payer_id", 'filing_indicator', OLD."filing_indicator", 'addr_line1', OLD."addr_line1", 'addr_line2', OLD."addr_line2", 'addr_city', OLD."addr_city", 'addr_state', OLD."addr_state", 'addr_zip', OLD."addr_zip", 'code_set', OLD."code_set", 'per_diem_days', OLD."per_diem_days", 'line_span', OLD."line_span", 'concurrency_order', OLD."concurrency_order", 'concurrency_modifier59', OLD."concurrency_modifier59", 'incidental_per_diems', OLD."incidental_per_diems", 'self_administered_covered', OLD."self_administered_covered", 'drugs_on_medical_claim', OLD."drugs_on_medical_claim", 'waste_modifiers', OLD."waste_modifiers", 'compound_kp_kq', OLD."compound_kp_kq", 'ndc_units', OLD."ndc_units", 'nursing_rn_only', OLD."nursing_rn_only", 'nursing_max_hours_per_day', OLD."nursing_max_hours_per_day", 'claim_period', OLD."claim_period", 'timely_filing_days', OLD."timely_filing_days", 'pdf_page_totals', OLD."pdf_page_totals", 'profile', OLD."profile", 'prior_auth_required_for', OLD."prior_auth_required_for", 'injectable_without_iv_or_rn', OLD."injectable_without_iv_or_rn", 'self_administration_required', OLD."self_administration_required", 'always_bundled', OLD."always_bundled", 'bundled_supplies', OLD."bundled_supplies", 'drug_line_notes', OLD."drug_line_notes", 'charge_basis', OLD."charge_basis", 'code_dates', OLD."code_dates", 'compound_kp_kq_paper', OLD."compound_kp_kq_paper"), NULL);
END;

CREATE TRIGGER "audit_dispenses_insert" AFTER INSERT ON "dispenses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'dispenses', NEW."id", NULL, json_object('id', NEW."id", 'therapy_id', NEW."therapy_id", 'date', NEW."date", 'ndc', NEW."ndc", 'quantity', NEW."quantity", 'days_supply', NEW."days_supply", 'lot', NEW."lot", 'expiry', NEW."expiry", 'patient_owned', NEW."patient_owned"));
END;
CREATE TRIGGER "audit_dispenses_update" AFTER UPDATE ON "dispenses"
WHEN OLD."id" IS NOT NEW."id" OR OLD."therapy_id" IS NOT NEW."therapy_id" OR OLD."date" IS NOT NEW."date" OR OLD."ndc" IS NOT NEW."ndc" OR OLD."quantity" IS NOT NEW."quantity" OR OLD."days_supply" IS NOT NEW."days_supply" OR OLD."lot" IS NOT NEW."lot" OR OLD."expiry" IS NOT NEW."expiry" OR OLD."patient_owned" IS NOT NEW."patient_owned"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'dispenses', NEW."id", json_object('id', OLD."id", 'therapy_id', OLD."therapy_id", 'date', OLD."date", 'ndc', OLD."ndc", 'quantity', OLD."quantity", 'days_supply', OLD."days_supply", 'lot', OLD."lot", 'expiry', OLD."expiry", 'patient_owned', OLD."patient_owned"), json_object('id', NEW."id", 'therapy_id', NEW."therapy_id", 'date', NEW."date", 'ndc', NEW."ndc", 'quantity', NEW."quantity", 'days_supply', NEW."days_supply", 'lot', NEW."lot", 'expiry', NEW."expiry", 'patient_owned', NEW."patient_owned"));
END;
CREATE TRIGGER "audit_dispenses_delete" AFTER DELETE ON "dispenses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'dispenses', OLD."id", json_object('id', OLD."id", 'therapy_id', OLD."therapy_id", 'date', OLD."date", 'ndc', OLD."ndc", 'quantity', OLD."quantity", 'days_supply', OLD."days_supply", 'lot', OLD."lot", 'expiry', OLD."expiry", 'patient_owned', OLD."patient_owned"), NULL);
END;

