// The requests after the export (issue 12); the shapes they carry are domain/receivables.ts.
import type { FollowUpDays, FollowUpItem, AgingBasis, ProviderAdjustmentItem, UnmatchedItem, ReceiveResult, ReceivedFileRow, ClaimMoney, ClaimsFilter, DenialItem, DenialGroup, ArReport } from '../domain/receivables.ts';
import type { FilePayload } from './result.ts';

export type * from '../domain/receivables.ts';

export type RemittancesHandlers = {
  /** R-RA-3/R-RA-4/R-AK-1: reads and applies one received file, all or nothing */
  'remit.receive': (args: { fileName: string; base64: string }) => ReceiveResult;
  'remit.files': (args: void) => ReceivedFileRow[];
  'remit.download': (args: { id: number }) => FilePayload;
  'remit.unmatched': (args: { open?: boolean }) => UnmatchedItem[];
  'remit.resolveUnmatched': (args: { id: number; resolution: string }) => UnmatchedItem;
  /** R-RA-1: the provider ledger, every PLB item posted, newest payment first */
  'remit.providerLedger': (args: void) => ProviderAdjustmentItem[];
  /** acks.md §2: sent claims whose 999, 277CA or 835 is overdue on `asOf` (default: the handler's today), and the limits */
  'remit.followUps': (args?: { asOf?: string }) => { asOf: string; days: FollowUpDays; items: FollowUpItem[] };
  'remit.saveFollowUpDays': (args: FollowUpDays) => FollowUpDays;
  'claims.list': (args: ClaimsFilter) => ClaimMoney[];
  'denials.list': (args: { includeClosed?: boolean }) => DenialGroup[];
  'denials.update': (args: { claim: string; assignee?: string | null; notes?: string; followUp?: string | null }) => DenialItem;
  'denials.writeOff': (args: { claim: string; reason: string }) => { claim: string; writeOffId: number; openCents: number; deniedCents: number };
  'denials.reverseWriteOff': (args: { id: number }) => { claim: string; writeOffId: number };
  /** rejected → a new original (frequency 1, new id); denied → a replacement (7) with the stored payer claim number */
  'denials.resubmit': (args: { claim: string }) => { claim: string; newClaims: string[]; frequency: '1' | '7' };
  'ar.report': (args: { asOf?: string; basis?: AgingBasis }) => ArReport;
};
