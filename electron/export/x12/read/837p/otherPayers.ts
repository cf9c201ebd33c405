// R-CO-1 / R-CO-2 on the way back: loops 2320–2330B (each earlier payer) and 2430 (its decision on
// a line) read into the claim, then the claim's balance against each payer checked with the same
// rules the writer applies (cob/balance.ts), so a file we did not write is held to them too.
import type { PriorAdjustment, PriorPayerAdjudication } from '../../../../domain/priorPayers.ts';
import { secondaryBalanceProblems } from '../../../../cob/balance.ts';
import { cents, d8ToIso } from '../values.ts';
import type { Handler, Reading837 } from './reading.ts';
import type { ReadAdjustment, ReadClaim } from './result.ts';

const CAS_GROUPS = ['CO', 'PR', 'OA', 'PI'];

/** SBR in 2320: a new earlier payer. */
export const otherSubscriber: Handler = (s, at, r) => {
  const c = r.claim;
  if (!c) return;
  if (!s[9]) r.warning(at, 'SBR09 claim filing indicator of the other payer is empty');
  const other = {
    responsibility: s[1] ?? '', relationship: s[2] ?? '', groupNumber: s[3] || null, filingIndicator: s[9] ?? '', adjustments: [],
    paidCents: null, remainingPatientCents: null, memberId: null, payerName: null, payerId: null, adjudicatedOn: null, payerClaimNumber: null, remarks: [],
  };
  if (c.otherPayers.some((o) => o.responsibility === other.responsibility)) r.error(at, `two other payers hold position ${other.responsibility}`);
  c.otherPayers.push(other);
  r.otherPayer = other;
};

/** CAS in 2320 or 2430: group, then up to six reason / amount / quantity triples. */
export const adjustment: Handler = (s, at, r) => {
  const target = at.loop === '2320' ? r.otherPayer?.adjustments : at.loop === '2430' ? r.adjudication?.adjustments : undefined;
  if (!target) return;
  const group = s[1] ?? '';
  if (!CAS_GROUPS.includes(group)) r.error(at, `CAS01 '${group}' is not CO, PR, OA or PI`);
  for (let k = 2; k < s.length; k += 3) {
    if (!s[k]) continue;
    const amount = cents(s[k + 1]);
    if (amount === null || amount === 0) r.error(at, `CAS amount '${s[k + 1]}' for reason ${s[k]} is not a non-zero amount`);
    const q = s[k + 2];
    target.push({ group, reason: s[k] ?? '', cents: amount ?? 0, quantity: q ? Number(q) : null });
  }
};

/** AMT*D and AMT*EAF in 2320, AMT*EAF in 2430. */
export const otherAmount: Handler = (s, at, r) => {
  const v = cents(s[2]);
  if (at.loop !== '2320' && at.loop !== '2430') return;
  if (v === null) r.error(at, `AMT02 '${s[2]}' is not an amount with at most 2 decimals`);
  if (at.loop === '2320' && r.otherPayer) {
    if (s[1] === 'D') r.otherPayer.paidCents = v;
    else if (s[1] === 'EAF') r.otherPayer.remainingPatientCents = v;
  }
  if (at.loop === '2430' && r.adjudication && s[1] === 'EAF') r.adjudication.remainingPatientCents = v;
};

/** MOA in 2320: that payer's claim-level remark codes (MOA03–07). */
export const otherRemarks: Handler = (s, at, r) => {
  if (at.loop !== '2320' || !r.otherPayer) return;
  r.otherPayer.remarks.push(...s.slice(3, 8).filter((v): v is string => !!v));
};

/** SVD: an earlier payer's decision on the open line. */
export const lineAdjudication: Handler = (s, at, r) => {
  const line = r.line;
  if (!line) return;
  const [q = '', code = '', ...mods] = (s[3] ?? '').split(r.component);
  if (!['HC', 'ER', 'IV', 'WK'].includes(q)) r.error(at, `SVD03-1 '${q}' is not HC, ER, IV or WK`);
  const paid = cents(s[2]);
  if (paid === null) r.error(at, `SVD02 '${s[2]}' is not an amount with at most 2 decimals`);
  const units = Number(s[5]);
  if (!(units >= 0) || s[5] === undefined || s[5] === '') r.error(at, `SVD05 paid units '${s[5] ?? ''}' are missing`);
  const a = { payerId: s[1] ?? '', paidCents: paid ?? 0, code, modifiers: mods.slice(0, 4), units, adjustments: [], adjudicatedOn: null, remainingPatientCents: null };
  line.adjudications.push(a);
  r.adjudication = a;
};

/** DTP*573 in 2330B or 2430: when that payer adjudicated. */
export const adjudicationDate: Handler = (s, at, r) => {
  if (s[1] !== '573') return;
  const iso = d8ToIso(s[3] ?? '');
  if (at.loop === '2330B' && r.otherPayer) r.otherPayer.adjudicatedOn = iso;
  if (at.loop === '2430' && r.adjudication) r.adjudication.adjudicatedOn = iso;
};

const priority = (sbr01: string): 1 | 2 | 3 => (sbr01 === 'S' ? 2 : sbr01 === 'T' ? 3 : 1);
const adjustmentsOf = (as: readonly ReadAdjustment[]): PriorAdjustment[] =>
  as.filter((a): a is ReadAdjustment & { group: PriorAdjustment['group'] } => CAS_GROUPS.includes(a.group)).map((a) => ({ ...a }));

/** The read claim's earlier payers as the balance rules take them: 2430s joined to 2330B by SVD01. */
function asAdjudications(claim: ReadClaim): PriorPayerAdjudication[] {
  return claim.otherPayers.map((o) => ({
    payer: o.payerId ?? '', priority: priority(o.responsibility), claimId: claim.id, payerClaimNumber: o.payerClaimNumber,
    adjudicatedOn: o.adjudicatedOn ?? '', paidCents: o.paidCents ?? 0, adjustments: adjustmentsOf(o.adjustments), remarks: [...o.remarks],
    remainingPatientCents: o.remainingPatientCents ?? 0,
    lines: claim.lines.flatMap((l) => l.adjudications.filter((a) => a.payerId === o.payerId).map((a) => ({
      line: l.n, paidCents: a.paidCents, code: a.code, modifiers: a.modifiers, unitsPaid: a.units, adjustments: adjustmentsOf(a.adjustments), remainingPatientCents: a.remainingPatientCents ?? 0,
    }))),
  }));
}

/** R-CO-2 and cob.md §3–§5 for a claim with earlier payers; run when the claim ends. */
export function checkOtherPayers(r: Reading837, claim: ReadClaim): void {
  if (claim.otherPayers.length === 0) return;
  const at = r.claimAt;
  const ids = new Set(claim.otherPayers.map((o) => o.payerId));
  for (const o of claim.otherPayers) {
    if (o.payerId === null) r.issues.error(at, '2320', `other payer in position ${o.responsibility} has no 2330B NM1*PR payer`);
    if (o.memberId === null) r.issues.error(at, '2320', `other payer ${o.payerId ?? '?'} has no 2330A NM1*IL subscriber`);
    if (o.paidCents === null) r.issues.error(at, '2320', `other payer ${o.payerId ?? '?'} has no AMT*D paid amount`);
    const lineEaf = claim.lines.some((l) => l.adjudications.some((a) => a.payerId === o.payerId && a.remainingPatientCents !== null));
    if (lineEaf && o.remainingPatientCents !== null) r.issues.error(at, '2320', `other payer ${o.payerId ?? '?'} has AMT*EAF at claim and line level`);
  }
  for (const l of claim.lines) {
    for (const a of l.adjudications) {
      const lx = r.lineAt.get(l) ?? at;
      if (!ids.has(a.payerId)) r.issues.error(lx, '2430', `line ${l.n}: SVD01 ${a.payerId} is not the payer id of any 2330B`);
      if (!a.adjudicatedOn) r.issues.error(lx, '2430', `line ${l.n}: SVD without DTP*573`);
    }
  }
  for (const problem of secondaryBalanceProblems({ ...claim, priorPayers: asAdjudications(claim) })) r.issues.error(at, '2300', problem);
}

/** Loops 2320 and 2430 end where the next claim, line or payer begins. */
export function endOtherPayer(r: Reading837): void {
  r.otherPayer = null;
  r.adjudication = null;
}
