-- 0015 after the acknowledgments (issue 12): 277CA line rejections kept on the line, and the
-- office's follow-up limits for answers that do not come (acks.md §2 "put time limits on each
-- waiting state").

-- R-AK-1: a 277CA 2220D line the payer or clearinghouse rejected (REF*FJ = our REF*6R), with its
-- status codes in words; the claim-level state is kept as before in claims.status
CREATE TABLE line_rejections (
  id        INTEGER PRIMARY KEY,
  claim_id  TEXT NOT NULL REFERENCES claims (id),
  line      INTEGER NOT NULL,
  file_id   INTEGER NOT NULL REFERENCES received_files (id),
  -- the SVC of the 2220D in the received file
  position  INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX line_rejections_claim ON line_rejections (claim_id);

-- days an exported claim may wait for its 999 (or TA1), for the payer's 277CA, and an accepted
-- claim for its 835, before it is listed for follow-up (electron/services/followUp.ts)
CREATE TABLE follow_up_days (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  syntax_days    INTEGER NOT NULL CHECK (syntax_days >= 0),
  acceptance_days INTEGER NOT NULL CHECK (acceptance_days >= 0),
  remittance_days INTEGER NOT NULL CHECK (remittance_days >= 0)
);
INSERT INTO follow_up_days (id, syntax_days, acceptance_days, remittance_days) VALUES (1, 2, 7, 30);

CREATE TRIGGER "audit_follow_up_days_update" AFTER UPDATE ON "follow_up_days"
BEGIN
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (perdiem_actor(), 'update', 'follow_up_days', NEW.id,
    json_object('syntax_days', OLD.syntax_days, 'acceptance_days', OLD.acceptance_days, 'remittance_days', OLD.remittance_days),
    json_object('syntax_days', NEW.syntax_days, 'acceptance_days', NEW.acceptance_days, 'remittance_days', NEW.remittance_days));
END;
