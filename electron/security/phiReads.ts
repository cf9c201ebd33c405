// Reading patient data is audited like changing it: who opened which patient's chart, what a
// search returned, which claims were viewed or downloaded. Every row lists the patients it
// touched in `after.patients`, which the per-patient access report (db/repos/audit.ts
// patientAccess) reads. The registry calls auditPhiRead after a request succeeded.
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../db/repos/audit.ts';
import type { User } from '../../db/repos/users.ts';

interface PhiRow {
  entity: string;
  entityId: string | null;
  after: { patients: string[] } & Record<string, unknown>;
}

type Read = (db: Database.Database, args: unknown, value: unknown) => PhiRow;

function field(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
}
const text = (o: unknown, key: string): string => String(field(o, key) ?? '');
const list = (o: unknown): unknown[] => (Array.isArray(o) ? o : []);
const unique = (xs: string[]) => [...new Set(xs)];

/** request → the audit action and what it read */
export const PHI_READS: Readonly<Record<string, { action: string; read: Read }>> = Object.freeze({
  'patients.chart': { action: 'phi.chart', read: (_db, a) => ({ entity: 'patients', entityId: text(a, 'id'), after: { patients: [text(a, 'id')] } }) },
  'patients.search': {
    action: 'phi.search',
    read: (_db, a, v) => ({ entity: 'patients', entityId: null, after: { query: text(a, 'query'), patients: list(v).map((h) => text(h, 'id')) } }),
  },
  'therapies.forPatient': { action: 'phi.therapies', read: (_db, a) => ({ entity: 'patients', entityId: text(a, 'patient'), after: { patients: [text(a, 'patient')] } }) },
  'billing.getClaim': { action: 'phi.claim', read: (_db, a, v) => ({ entity: 'claims', entityId: text(a, 'id'), after: { patients: [text(field(v, 'row'), 'patient')] } }) },
  'billing.listClaims': {
    action: 'phi.claims',
    read: (_db, _a, v) => {
      const claims = list(field(v, 'claims'));
      return { entity: 'claims', entityId: null, after: { claims: claims.map((c) => text(c, 'id')), patients: unique(claims.map((c) => text(c, 'patient'))) } };
    },
  },
  'billing.downloadBatch': {
    action: 'phi.download',
    read: (db, a) => {
      const rows = db.prepare('SELECT c.id AS claim, c.patient_id AS patient FROM batch_claims b JOIN claims c ON c.id = b.claim_id WHERE b.batch_id = ? ORDER BY c.id').all(text(a, 'id')) as { claim: string; patient: string }[];
      return { entity: 'batches', entityId: text(a, 'id'), after: { claims: rows.map((r) => r.claim), patients: unique(rows.map((r) => r.patient)) } };
    },
  },
});

/** After a request succeeded: its PHI read row, if it is one. */
export function auditPhiRead(db: Database.Database, user: User | null, name: string, args: unknown, value: unknown, via?: string): void {
  const phi = PHI_READS[name];
  if (!phi) return;
  const row = phi.read(db, args, value);
  appendAudit(db, { actor: user?.username ?? 'system', action: phi.action, entity: row.entity, entityId: row.entityId, after: { ...row.after, ...(via ? { via } : {}) } });
}
