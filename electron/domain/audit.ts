// The audit trail's shapes: the store returns entries and queries by the filter, the app's
// contract offers both.

/** One recorded event, as read back. */
export interface AuditEntry {
  id: number;
  /** ISO 8601 UTC, milliseconds */
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  actor?: string;
  /** exact action, or a prefix ending in '.' or '*' (e.g. 'export.' or 'export*') */
  action?: string;
  entity?: string;
  entityId?: string;
  /** inclusive, compared as ISO text: a date 'YYYY-MM-DD' means from its start */
  from?: string;
  /** exclusive upper bound; a date means up to its end */
  to?: string;
  /** free text searched in before/after */
  text?: string;
  limit?: number;
  offset?: number;
  /** newest first unless 'asc' */
  order?: 'asc' | 'desc';
}
