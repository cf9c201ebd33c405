-- 0011 nurse assignments: the patients a nurse is assigned to (kept by a biller or an
-- administrator). A nurse sees and records only those, and the patients of visits she logged
-- (db/repos/assignments.ts nursePatientsSql). Every change is audited like patient data.
CREATE TABLE patient_nurses (
  patient_id TEXT NOT NULL REFERENCES patients (id),
  nurse_id TEXT NOT NULL REFERENCES nurses (id),
  PRIMARY KEY (patient_id, nurse_id)
);
CREATE INDEX patient_nurses_nurse ON patient_nurses (nurse_id);

CREATE TRIGGER "audit_patient_nurses_insert" AFTER INSERT ON "patient_nurses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'create', 'patient_nurses', NEW."patient_id" || ':' || NEW."nurse_id", NULL, json_object('patient_id', NEW."patient_id", 'nurse_id', NEW."nurse_id"));
END;
CREATE TRIGGER "audit_patient_nurses_update" AFTER UPDATE ON "patient_nurses"
WHEN OLD."patient_id" IS NOT NEW."patient_id" OR OLD."nurse_id" IS NOT NEW."nurse_id"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'patient_nurses', NEW."patient_id" || ':' || NEW."nurse_id", json_object('patient_id', OLD."patient_id", 'nurse_id', OLD."nurse_id"), json_object('patient_id', NEW."patient_id", 'nurse_id', NEW."nurse_id"));
END;
CREATE TRIGGER "audit_patient_nurses_delete" AFTER DELETE ON "patient_nurses"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'delete', 'patient_nurses', OLD."patient_id" || ':' || OLD."nurse_id", json_object('patient_id', OLD."patient_id", 'nurse_id', OLD."nurse_id"), NULL);
END;
