-- 0010 audit chain: each audit entry's hash (db/auditChain.ts) chains it to the one before, so
-- `perdiem audit verify` finds an edit, a deletion or an insertion and names the first broken
-- entry. The hashes live beside the entries (audit_log is append-only and has no column for
-- them); the chain's head is recorded with every export batch (trigger below) and every backup
-- (db/backups.ts), which a later verification checks the chain against.
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL
);

CREATE TABLE audit_heads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- batch | backup
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  entry INTEGER NOT NULL,
  hash TEXT NOT NULL
);

-- the entries written before this migration, chained in order
WITH RECURSIVE c(id, hash) AS (
  SELECT l.id, perdiem_chain(NULL, json_array(l.id, l.at, l.actor, l.action, l.entity, l.entity_id, json(l.before), json(l.after)))
    FROM audit_log l WHERE l.id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT l.id, perdiem_chain(c.hash, json_array(l.id, l.at, l.actor, l.action, l.entity, l.entity_id, json(l.before), json(l.after)))
    FROM c JOIN audit_log l ON l.id = (SELECT min(id) FROM audit_log WHERE id > c.id)
)
INSERT INTO audit_chain (id, hash) SELECT id, hash FROM c;

CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log
BEGIN
  INSERT INTO audit_chain (id, hash) VALUES (
    NEW.id,
    perdiem_chain((SELECT hash FROM audit_chain ORDER BY id DESC LIMIT 1),
                  json_array(NEW.id, NEW.at, NEW.actor, NEW.action, NEW.entity, NEW.entity_id, json(NEW.before), json(NEW.after)))
  );
END;

CREATE TRIGGER batches_audit_head AFTER INSERT ON batches
BEGIN
  INSERT INTO audit_heads (kind, ref, entry, hash)
    SELECT 'batch', NEW.id, id, hash FROM audit_chain ORDER BY id DESC LIMIT 1;
END;

CREATE TRIGGER audit_chain_append_only_update BEFORE UPDATE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, 'audit_chain is append-only');
END;
CREATE TRIGGER audit_chain_append_only_delete BEFORE DELETE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, 'audit_chain is append-only');
END;
CREATE TRIGGER audit_heads_append_only_update BEFORE UPDATE ON audit_heads
BEGIN
  SELECT RAISE(ABORT, 'audit_heads is append-only');
END;
CREATE TRIGGER audit_heads_append_only_delete BEFORE DELETE ON audit_heads
BEGIN
  SELECT RAISE(ABORT, 'audit_heads is append-only');
END;
