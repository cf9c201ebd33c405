// Follow-up of answers that do not come (acks.md §2: "put time limits on each waiting state"):
// an exported claim with no 999 (or TA1) after `syntaxDays`, with no 277CA after
// `acceptanceDays`, and an accepted claim with no 835 after `remittanceDays` (counted from its
// acceptance) is listed for a person. A claim mailed on a printed CMS-1500 never gets a 999 or a
// 277CA: it waits for its 835 only, `remittanceDays` from the day it was printed. "Today" is the
// caller's (the handler context's clock).
import { followUpDays, sentClaimAnswers, type SentClaimAnswers } from '../../db/repos/followUp.ts';
import type { Db } from '../../db/repos/sql.ts';
import type { ClaimLifeStatus, FollowUpDays, FollowUpItem } from '../domain/receivables.ts';
import { daysBetween } from './arReport.ts';
import type { Names } from './denials.ts';

const STEPS: Record<FollowUpItem['waitingFor'], string> = {
  '999': 'No 999 from the clearinghouse: check that the file was uploaded and ask the clearinghouse whether it arrived.',
  '277CA': 'No acknowledgment from the payer: ask the clearinghouse or the payer whether the claim was received.',
  '835': 'Accepted but not paid: check the claim status with the payer (portal or 276/277) and ask when it will be adjudicated.',
};

const PAPER_STEP = 'Mailed on paper and not paid: check the claim status with the payer (portal or phone) and ask whether the form was received.';

/** R-AK-1 (acks.md §2): what an unanswered claim waits for on `today`, or null while it is within its limits. */
export function overdue(c: Pick<SentClaimAnswers, 'status' | 'exportedAt' | 'statusAt' | 'syntaxAnswered' | 'acceptanceAnswered' | 'remitted' | 'paper'>, today: string, days: FollowUpDays): Pick<FollowUpItem, 'waitingFor' | 'since' | 'days' | 'limitDays'> | null {
  if (c.remitted) return null;
  const wait = (waitingFor: FollowUpItem['waitingFor'], since: string, limitDays: number) => {
    const d = daysBetween(since, today);
    return d > limitDays ? { waitingFor, since: since.slice(0, 10), days: d, limitDays } : null;
  };
  if (c.paper) return wait('835', c.exportedAt, days.remittanceDays);
  if (c.status === 'accepted') return wait('835', c.statusAt ?? c.exportedAt, days.remittanceDays);
  if (c.status !== 'exported') return null;
  if (!c.syntaxAnswered) return wait('999', c.exportedAt, days.syntaxDays);
  if (!c.acceptanceAnswered) return wait('277CA', c.exportedAt, days.acceptanceDays);
  return null;
}

/** Every sent claim whose answer is overdue on `today`, longest waiting first. */
export function listFollowUps(db: Db, today: string, names: Names): FollowUpItem[] {
  const days = followUpDays(db);
  const out: FollowUpItem[] = [];
  for (const c of sentClaimAnswers(db)) {
    const o = overdue(c, today, days);
    if (!o) continue;
    out.push({
      claimId: c.id, batch: c.batch, patient: c.patient, patientName: names.patient(c.patient), payer: c.payer, payerName: names.payer(c.payer),
      status: c.status as ClaimLifeStatus, ...o, nextStep: c.paper ? PAPER_STEP : STEPS[o.waitingFor],
    });
  }
  return out.sort((a, b) => b.days - a.days || a.claimId.localeCompare(b.claimId));
}
