-- 0016 patient payments (R-CO-4 after the last payer): money a patient or guarantor pays on what
-- the last payer left them, and where it went.
-- * patient_payments: one row per payment received, and one per void of a payment (a reversal of
--   its own with a reason and its own date; a payment is never deleted or changed).
-- * patient_payment_applications: which claim each payment (or void) paid, in cents; a void's rows
--   are its payment's rows negated, so every balance comes back exactly. The claim is the one whose
--   patient responsibility the patient owes (the last payer's claim of the chain).
CREATE TABLE patient_payments (
  id           INTEGER PRIMARY KEY,
  patient_id   TEXT NOT NULL REFERENCES patients (id),
  kind         TEXT NOT NULL CHECK (kind IN ('payment', 'void')),
  -- a payment > 0; its void the same amount negated
  cents        INTEGER NOT NULL,
  -- the day the money came in; for a void, the day it was voided (ar.report as of a day reads both)
  received_on  TEXT NOT NULL CHECK (received_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  method       TEXT NOT NULL CHECK (method IN ('check', 'cash', 'card', 'other')),
  -- check number, card authorization …
  reference    TEXT,
  -- the claim the payer named; NULL: applied to the oldest patient responsibility first
  for_claim_id TEXT REFERENCES claims (id),
  -- a void: the payment it reverses (once)
  voids        INTEGER UNIQUE REFERENCES patient_payments (id),
  reason       TEXT,
  at           TEXT NOT NULL,
  by_user      TEXT NOT NULL,
  CHECK ((kind = 'payment' AND cents > 0 AND voids IS NULL AND reason IS NULL)
      OR (kind = 'void' AND cents < 0 AND voids IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX patient_payments_patient ON patient_payments (patient_id);

CREATE TABLE patient_payment_applications (
  payment_id INTEGER NOT NULL REFERENCES patient_payments (id),
  seq        INTEGER NOT NULL,
  claim_id   TEXT NOT NULL REFERENCES claims (id),
  cents      INTEGER NOT NULL CHECK (cents <> 0),
  PRIMARY KEY (payment_id, seq)
);
CREATE INDEX patient_payment_applications_claim ON patient_payment_applications (claim_id);

CREATE TRIGGER patient_payments_keep BEFORE DELETE ON patient_payments
BEGIN
  SELECT RAISE(ABORT, 'patient payments are voided, never deleted');
END;
CREATE TRIGGER patient_payments_fixed BEFORE UPDATE ON patient_payments
BEGIN
  SELECT RAISE(ABORT, 'a patient payment is never changed: void it');
END;
CREATE TRIGGER patient_payment_applications_keep BEFORE DELETE ON patient_payment_applications
BEGIN
  SELECT RAISE(ABORT, 'patient payment applications are voided, never deleted');
END;
CREATE TRIGGER patient_payment_applications_fixed BEFORE UPDATE ON patient_payment_applications
BEGIN
  SELECT RAISE(ABORT, 'a patient payment application is never changed: void its payment');
END;

-- BEGIN GENERATED audit triggers (patient_payments, patient_payment_applications)
CREATE TRIGGER "audit_patient_payments_insert" AFTER INSERT ON "patient_payments"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'patient_payments', NEW."id", NULL, json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'kind', NEW."kind", 'cents', NEW."cents", 'received_on', NEW."received_on", 'method', NEW."method", 'reference', NEW."reference", 'for_claim_id', NEW."for_claim_id", 'voids', NEW."voids", 'reason', NEW."reason", 'at', NEW."at", 'by_user', NEW."by_user"));
END;
CREATE TRIGGER "audit_patient_payments_update" AFTER UPDATE ON "patient_payments"
WHEN OLD."id" IS NOT NEW."id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."kind" IS NOT NEW."kind" OR OLD."cents" IS NOT NEW."cents" OR OLD."received_on" IS NOT NEW."received_on" OR OLD."method" IS NOT NEW."method" OR OLD."reference" IS NOT NEW."reference" OR OLD."for_claim_id" IS NOT NEW."for_claim_id" OR OLD."voids" IS NOT NEW."voids" OR OLD."reason" IS NOT NEW."reason" OR OLD."at" IS NOT NEW."at" OR OLD."by_user" IS NOT NEW."by_user"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'patient_payments', NEW."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'kind', OLD."kind", 'cents', OLD."cents", 'received_on', OLD."received_on", 'method', OLD."method", 'reference', OLD."reference", 'for_claim_id', OLD."for_claim_id", 'voids', OLD."voids", 'reason', OLD."reason", 'at', OLD."at", 'by_user', OLD."by_user"), json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'kind', NEW."kind", 'cents', NEW."cents", 'received_on', NEW."received_on", 'method', NEW."method", 'reference', NEW."reference", 'for_claim_id', NEW."for_claim_id", 'voids', NEW."voids", 'reason', NEW."reason", 'at', NEW."at", 'by_user', NEW."by_user"));
END;
CREATE TRIGGER "audit_patient_payments_delete" AFTER DELETE ON "patient_payments"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'patient_payments', OLD."id", json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'kind', OLD."kind", 'cents', OLD."cents", 'received_on', OLD."received_on", 'method', OLD."method", 'reference', OLD."reference", 'for_claim_id', OLD."for_claim_id", 'voids', OLD."voids", 'reason', OLD."reason", 'at', OLD."at", 'by_user', OLD."by_user"), NULL);
END;

CREATE TRIGGER "audit_patient_payment_applications_insert" AFTER INSERT ON "patient_payment_applications"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'patient_payment_applications', NEW."payment_id" || ':' || NEW."seq", NULL, json_object('payment_id', NEW."payment_id", 'seq', NEW."seq", 'claim_id', NEW."claim_id", 'cents', NEW."cents"));
END;
CREATE TRIGGER "audit_patient_payment_applications_update" AFTER UPDATE ON "patient_payment_applications"
WHEN OLD."payment_id" IS NOT NEW."payment_id" OR OLD."seq" IS NOT NEW."seq" OR OLD."claim_id" IS NOT NEW."claim_id" OR OLD."cents" IS NOT NEW."cents"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'patient_payment_applications', NEW."payment_id" || ':' || NEW."seq", json_object('payment_id', OLD."payment_id", 'seq', OLD."seq", 'claim_id', OLD."claim_id", 'cents', OLD."cents"), json_object('payment_id', NEW."payment_id", 'seq', NEW."seq", 'claim_id', NEW."claim_id", 'cents', NEW."cents"));
END;
CREATE TRIGGER "audit_patient_payment_applications_delete" AFTER DELETE ON "patient_payment_applications"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'patient_payment_applications', OLD."payment_id" || ':' || OLD."seq", json_object('payment_id', OLD."payment_id", 'seq', OLD."seq", 'claim_id', OLD."claim_id", 'cents', OLD."cents"), NULL);
END;
