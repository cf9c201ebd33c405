// The tables of 0007_remittances.sql that hold a person's decisions about money: the work on a
// denial, a write-off and the resolution of an unmatched remittance item. Their triggers are
// generated (auditTriggers.ts) into the end of 0007 and checked by test/security/remittanceAudit.test.ts.
export const AUDITED_REMITTANCE_TABLES = ['denial_work', 'write_offs', 'unmatched_items'] as const;

/** Marks the generated part of 0007_remittances.sql. */
export const REMITTANCE_MARKER = '-- BEGIN GENERATED audit triggers (electron/security/auditTriggers.ts, AUDITED_REMITTANCE_TABLES)';
