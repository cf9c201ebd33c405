// Which permission each request of the handler table needs, and which requests are audited
// events (data changes are audited by triggers already). The shell's dispatch calls
// guardRequest before a handler and auditRequest after it, so no handler can forget either.
// A request not listed here is for administrators only: a new handler is closed until someone
// decides who may call it.
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../db/repos/audit.ts';
import type { User } from '../../db/repos/users.ts';
import { requirePermission, type Action } from './roles.ts';
import type { SessionManager } from './sessions.ts';

/** 'public': no sign-in (the sign-in screen itself); 'signedIn': any role. */
export type RequestRule = Action | 'public' | 'signedIn';

export const REQUEST_PERMISSIONS: Readonly<Record<string, RequestRule>> = Object.freeze({
  'auth.status': 'public',
  'auth.signIn': 'public',
  'auth.setup': 'public',
  'auth.recover': 'public',
  'auth.changePassword': 'signedIn',
  'auth.touch': 'signedIn',
  'auth.lock': 'signedIn',
  'auth.signOut': 'signedIn',
  'app.state': 'signedIn',
  'app.importFile': 'data.import',
  'app.loadDemo': 'data.import',
  'billing.acknowledge': 'claims.build',
  'billing.batches': 'claims.view',
  'billing.build': 'claims.build',
  'billing.correct': 'claims.build',
  'billing.downloadBatch': 'export.837',
  'billing.export837': 'export.837',
  'billing.exportPdf': 'export.pdf',
  'billing.getClaim': 'claims.view',
  'billing.listClaims': 'claims.view',
  'claims.build': 'claims.build',
  // after the export (issue 12): billers and administrators, never nurses
  'remit.receive': 'claims.build',
  'remit.files': 'claims.view',
  'remit.download': 'claims.view',
  'remit.unmatched': 'claims.view',
  'remit.providerLedger': 'claims.view',
  'remit.resolveUnmatched': 'claims.build',
  'remit.followUps': 'claims.view',
  'remit.saveFollowUpDays': 'settings.edit',
  'claims.list': 'claims.view',
  'denials.list': 'claims.view',
  'denials.update': 'claims.build',
  'denials.writeOff': 'claims.build',
  'denials.reverseWriteOff': 'claims.build',
  'denials.resubmit': 'claims.build',
  'ar.report': 'claims.view',
  // secondary claims (issue 13): billers and administrators
  'claims.chain': 'claims.view',
  'claims.sendToNextPayer': 'claims.build',
  'statements.print': 'export.pdf',
  // patient payments (R-CO-4): money, like write-offs: billers and administrators, never nurses
  'patientPayments.record': 'claims.build',
  'patientPayments.void': 'claims.build',
  'patientPayments.list': 'claims.view',
  'dispenses.findProducts': 'patients.view',
  'dispenses.list': 'patients.view',
  'dispenses.save': 'patients.edit',
  'dispenses.get': 'patients.view',
  'dispenses.update': 'patients.edit',
  'patients.chart': 'patients.view',
  'patients.create': 'patients.edit',
  'patients.update': 'patients.edit',
  'patients.saveCoverage': 'patients.edit',
  'patients.removeCoverage': 'patients.edit',
  // a biller or an administrator keeps which nurses a patient is assigned to
  'patients.nurses': 'patients.view',
  'patients.assignNurse': 'patients.edit',
  // a nurse records her visits: she finds the patient and the therapy (handlers scope her lists with visitScope)
  'patients.search': 'visits.own',
  'patients.lookups': 'visits.own',
  'therapies.forPatient': 'visits.own',
  'therapies.get': 'patients.view',
  'therapies.create': 'patients.edit',
  'therapies.update': 'patients.edit',
  'visits.preview': 'visits.own',
  'visits.recent': 'visits.own',
  'visits.save': 'visits.own',
  'visits.sign': 'visits.own',
  'settings.get': 'signedIn',
  'settings.listNurses': 'signedIn',
  'settings.listPayers': 'signedIn',
  'settings.listPrescribers': 'signedIn',
  'settings.listProducts': 'signedIn',
  'settings.saveChargeMaster': 'settings.edit',
  'settings.saveClearinghouse': 'settings.edit',
  'settings.saveNurse': 'settings.edit',
  'settings.saveOrganization': 'settings.edit',
  'settings.savePayer': 'settings.edit',
  'settings.savePrescriber': 'settings.edit',
  'settings.savePrinterOffset': 'settings.edit',
  'settings.saveProduct': 'settings.edit',
  'settings.testPage': 'export.pdf',
  'audit.query': 'audit.view',
  'audit.export': 'audit.export',
  'audit.verify': 'audit.view',
  'audit.patientAccess': 'audit.view',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'users.setPassword': 'signedIn',
  'tokens.list': 'tokens.manage',
  'tokens.create': 'tokens.manage',
  'tokens.revoke': 'tokens.manage',
  'backups.list': 'backup.run',
  'backups.run': 'backup.run',
  'backups.verify': 'backup.restore',
  'backups.restore': 'backup.restore',
  'security.settings': 'signedIn',
  'security.saveSettings': 'users.manage',
  // serving the office to the network (Host this office): administrators only, as starting `perdiem serve` is
  'hosting.status': 'users.manage',
  'hosting.start': 'users.manage',
  'hosting.stop': 'users.manage',
  'shell.openFile': 'signedIn',
  'shell.saveFile': 'signedIn',
  // which office this computer opens: chosen before anyone can sign in (it writes only the app's
  // own settings; the office server still asks for a user)
  'shell.joinServer': 'public',
  // leaving it too: it changes nothing on the server, and a computer whose server is gone must be able to
  'shell.leaveServer': 'public',
  'shell.officeLocation': 'public',
});

/** Requests that are events of their own in the audit trail (name → audit action). */
export const AUDITED_REQUESTS: Readonly<Record<string, string>> = Object.freeze({
  'app.importFile': 'data.import',
  'app.loadDemo': 'data.import',
  'billing.build': 'claims.build',
  'billing.correct': 'claims.correct',
  'claims.build': 'claims.build',
  'remit.receive': 'remit.receive',
  'remit.resolveUnmatched': 'remit.resolve',
  'remit.saveFollowUpDays': 'settings.followUpDays',
  'denials.writeOff': 'claims.writeOff',
  'denials.reverseWriteOff': 'claims.writeOffReversed',
  'denials.resubmit': 'claims.correct',
  'billing.downloadBatch': 'export.download',
  'billing.export837': 'export.837',
  'billing.exportPdf': 'export.pdf',
  'claims.sendToNextPayer': 'claims.secondary',
  'patientPayments.record': 'payments.record',
  'patientPayments.void': 'payments.void',
  'statements.print': 'print',
  'settings.testPage': 'print',
  'hosting.start': 'office.host',
  'hosting.stop': 'office.unhost',
});

/**
 * While the office waits for its recovery key (OfficeHost.needsRecovery: this OS account cannot
 * unwrap the key) only these answer; every other request is refused before its handler runs.
 */
export const RECOVERY_REQUESTS: readonly string[] = Object.freeze(['auth.status', 'auth.recover']);

export function requestRule(name: string): RequestRule {
  return Object.prototype.hasOwnProperty.call(REQUEST_PERMISSIONS, name) ? REQUEST_PERMISSIONS[name]! : 'users.manage';
}

/** Before a handler runs: null for a public request, else the signed-in user allowed to call it (throws LockedError or PermissionError). */
export function guardRequest(session: SessionManager, name: string): User | null {
  const rule = requestRule(name);
  if (rule === 'public') return null;
  const user = session.touch();
  if (rule !== 'signedIn') requirePermission(user.role, rule);
  return user;
}

/** After a handler ran: one row for an audited request, with its arguments, outcome and the entry point (`via`: ipc, http, cli) when the caller says. */
export function auditRequest(db: Database.Database, user: User | null, name: string, args: unknown, ok: boolean, via?: string): void {
  const action = AUDITED_REQUESTS[name];
  if (!action) return;
  appendAudit(db, { actor: user?.username ?? 'system', action, entity: 'request', entityId: name, after: { args: args ?? null, ok, ...(via ? { via } : {}) } });
}
