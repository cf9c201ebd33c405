// What the audit trail can be filtered by: the store queries it, the app's contract offers it.
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
