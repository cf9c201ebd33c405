// The audit trail (administrators): filters by user, action, record type and dates, a page of
// entries at a time, newest first; the filtered rows export as CSV or JSON.
import type { AuditQuery, AuditRow, Caller, FilePayload, UserView } from '../../lib/contract.ts';

const PAGE = 100;

export interface AuditFilterFields {
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}

const blankFilter = (): AuditFilterFields => ({ actor: '', action: '', entity: '', from: '', to: '' });

/** the filter's fields that are filled in, trimmed */
export function auditQuery(f: AuditFilterFields): AuditQuery {
  const q: AuditQuery = {};
  for (const k of ['actor', 'action', 'entity', 'from', 'to'] as const) {
    const v = f[k].trim();
    if (v) q[k] = v;
  }
  return q;
}

export class AuditState {
  f = $state<AuditFilterFields>(blankFilter());
  entries = $state<AuditRow[]>([]);
  total = $state(0);
  /** for the user field's suggestions */
  users = $state<UserView[]>([]);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly api: Caller) {}

  async load(): Promise<void> {
    void this.api.call('users.list').then((r) => {
      if (r.ok) this.users = r.value;
    });
    await this.search();
  }

  /** the first page for the filter, or the next one after the entries shown */
  async search(more = false): Promise<void> {
    this.busy = true;
    const r = await this.api.call('audit.query', { ...auditQuery(this.f), limit: PAGE, offset: more ? this.entries.length : 0 });
    this.busy = false;
    if (!r.ok) {
      this.error = r.error.message;
      return;
    }
    this.error = null;
    this.entries = more ? [...this.entries, ...r.value.entries] : r.value.entries;
    this.total = r.value.total;
  }

  async clear(): Promise<void> {
    this.f = blankFilter();
    await this.search();
  }

  /** the filtered rows as a file to save (the export is itself recorded) */
  async export(format: 'csv' | 'json'): Promise<FilePayload | null> {
    const r = await this.api.call('audit.export', { format, filter: auditQuery(this.f) });
    if (r.ok) return r.value;
    this.error = r.error.message;
    return null;
  }
}
