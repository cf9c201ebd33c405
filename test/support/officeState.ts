// "Nothing was written": what a refused command may leave behind is the audit row of its refused
// request; the office's records and every other audit row stay as they were.
import { expect } from 'vitest';
import { openStore } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import type { AuditEntry } from '../../electron/domain/audit.ts';

export interface OfficeState {
  dataset: unknown;
  /** audit rows other than requests (data changes, sign-ins, batches) */
  records: number;
  last: AuditEntry;
}

export function officeState(dbPath: string): OfficeState {
  const s = openStore(dbPath);
  try {
    const trail = queryAudit(s.db, { order: 'asc', limit: 100_000 });
    return { dataset: loadDataset(s.db), records: trail.filter((e) => e.entity !== 'request').length, last: trail[trail.length - 1]! };
  } finally {
    s.close();
  }
}

/** The office is as `before`, and its newest audit row is the refused request `request` with these arguments. */
export function expectOnlyRefusedRequest(dbPath: string, before: OfficeState, request: string, action: string, args: unknown): void {
  const now = officeState(dbPath);
  expect(now.dataset).toEqual(before.dataset);
  expect(now.records).toBe(before.records);
  expect([now.last.actor, now.last.action, now.last.entity, now.last.entityId, now.last.after]).toEqual(['cli', action, 'request', request, { args, ok: false, via: 'cli' }]);
}
