// A small test payer: given an 837P we wrote, it answers with a 999, a 277CA and one or two 835s,
// doing per claim and line what the plan says: pay (with CO-45 and PR-1/2/3), deny (CO-16 with
// M119, CO-197 …), reject in the 277CA, reverse and correct in a later 835, take money back with
// PLB, split a claim across two 835s. Every amount it writes balances (R-RA-3) by construction.
import { money } from '../../electron/export/x12/format.ts';
import { interchange, seg, type Segment } from './x12Out.ts';
import { readSent837, type Sent837, type SentClaim, type SentLine } from './sent837.ts';

export type LineOutcome =
  | { kind: 'pay'; allowedCents?: number; deductibleCents?: number; coinsuranceCents?: number; copayCents?: number; remarks?: readonly string[] }
  | { kind: 'deny'; group: 'CO' | 'PI' | 'OA' | 'PR'; reason: string; remarks?: readonly string[] };

export interface ClaimPlan {
  /** by line number; lines not named follow the plan's default */
  lines?: Record<number, LineOutcome>;
  /** 277CA rejection (A3/A6/A7/A8 with a status code and entity): no 835 for this claim */
  reject?: { category: string; status: string; entity?: string; lines?: Record<number, { category: string; status: string; entity?: string }> };
  /** CLP02 = 4: the payer does not know the patient (claim-level CO-31, no lines) */
  notRecognized?: boolean;
  /** lines after this number come in the second 835 (a split claim; pyx12's code list lacks MA15, so no MOA) */
  splitAfterLine?: number;
  /** the second 835 reverses the first payment (CLP02 = 22) and pays again with these outcomes */
  correction?: Record<number, LineOutcome>;
  /** the second 835 reverses the first payment and pays nothing again */
  reverseOnly?: boolean;
  /** claim-level remark codes (MOA03…07) */
  remarks?: string[];
  /** leave out REF*6R on the remit lines (matching falls back to code, modifiers, dates, units) */
  omitLineControl?: boolean;
}

export interface PayerPlan {
  default: LineOutcome;
  claims?: Record<string, ClaimPlan>;
  /** PLB items in the second 835: WO takebacks, FB forwards, L6 interest … (positive takes back) */
  providerAdjustments?: { reason: string; reference?: string; cents: number }[];
  /** the whole transaction set is rejected in the 999 (IK5 R) because of this claim's CLM07 */
  syntaxErrorIn?: string;
  payerName?: string;
  payerId?: string;
  now?: string;
  /** first control number used (999, 277CA, 835s count up) */
  control?: number;
}

export interface PayerResponse {
  ack999: string;
  /** null when the 999 rejected the transaction set: nothing reached the payer */
  ack277: string | null;
  /** one 835, or two when something is split, reversed or taken back later */
  remits: string[];
  /** the payer claim number (CLP07 / REF*1K) given to each accepted claim */
  payerClaimNumbers: Record<string, string>;
}

interface LineResult {
  line: SentLine;
  paidCents: number;
  cas: { group: string; reason: string; cents: number }[];
  allowedCents: number | null;
  remarks: readonly string[];
}

/** The amounts of one line under an outcome; charge − paid = Σ CAS always. */
export function adjudicateLine(line: SentLine, o: LineOutcome, sign = 1): LineResult {
  if (o.kind === 'deny') {
    return { line, paidCents: 0, cas: [{ group: o.group, reason: o.reason, cents: sign * line.chargeCents }], allowedCents: null, remarks: o.remarks ?? [] };
  }
  const allowed = Math.min(o.allowedCents ?? line.chargeCents, line.chargeCents);
  const pr = [['1', o.deductibleCents ?? 0], ['2', o.coinsuranceCents ?? 0], ['3', o.copayCents ?? 0]] as const;
  const cas = [
    ...(line.chargeCents > allowed ? [{ group: 'CO', reason: '45', cents: sign * (line.chargeCents - allowed) }] : []),
    ...pr.filter(([, c]) => c > 0).map(([reason, c]) => ({ group: 'PR', reason, cents: sign * c })),
  ];
  const patient = pr.reduce((s, [, c]) => s + c, 0);
  return { line, paidCents: sign * (allowed - patient), cas, allowedCents: sign * allowed, remarks: o.remarks ?? [] };
}

/** One CAS segment per group, up to six reason/amount pairs each. */
function casSegments(cas: LineResult['cas']): Segment[] {
  const groups = [...new Set(cas.map((c) => c.group))];
  return groups.flatMap((g) => {
    const items = cas.filter((c) => c.group === g);
    const out: Segment[] = [];
    for (let i = 0; i < items.length; i += 6) out.push(seg('CAS', g, ...items.slice(i, i + 6).flatMap((c) => [c.reason, money(c.cents), ''])));
    return out;
  });
}

function d8(iso: string): string {
  return iso.replace(/-/g, '');
}

interface ClpInput {
  claim: SentClaim;
  status: string;
  lines: LineResult[];
  number: string;
  claimCas?: LineResult['cas'];
  moa?: string[];
  omitLineControl: boolean;
  sign: number;
}

function clpSegments(c: ClpInput): { segs: Segment[]; paidCents: number } {
  const charge = c.lines.length ? c.lines.reduce((s, l) => s + l.line.chargeCents, 0) * c.sign : c.sign * c.claim.chargeCents;
  const claimCas = c.claimCas ?? [];
  // with lines CLP04 = Σ SVC03 − claim CAS; without, CLP04 = CLP03 − claim CAS
  const paid = (c.lines.length ? c.lines.reduce((s, l) => s + l.paidCents, 0) : charge) - claimCas.reduce((s, a) => s + a.cents, 0);
  const pr = [...claimCas, ...c.lines.flatMap((l) => l.cas)].filter((a) => a.group === 'PR').reduce((s, a) => s + a.cents, 0);
  const froms = c.claim.lines.map((l) => l.from).sort();
  const tos = c.claim.lines.map((l) => l.to).sort();
  const segs: Segment[] = [
    seg('CLP', c.claim.id, c.status, money(charge), money(paid), pr !== 0 ? money(pr) : '', '12', c.number, '12', c.claim.frequency),
    ...casSegments(claimCas),
    seg('NM1', 'QC', '1', c.claim.patient.lastName, c.claim.patient.firstName, '', '', '', 'MI', c.claim.patient.memberId),
    ...(c.moa?.length ? [seg('MOA', '', '', ...c.moa)] : []),
    seg('DTM', '232', d8(froms[0]!)),
    seg('DTM', '233', d8(tos[tos.length - 1]!)),
  ];
  for (const l of c.lines) {
    const proc = ['HC', l.line.code, ...l.line.modifiers];
    segs.push(seg('SVC', proc, money(l.line.chargeCents * c.sign), money(l.paidCents), '', String(l.line.units)));
    if (l.line.from === l.line.to) segs.push(seg('DTM', '472', d8(l.line.from)));
    else segs.push(seg('DTM', '150', d8(l.line.from)), seg('DTM', '151', d8(l.line.to)));
    segs.push(...casSegments(l.cas));
    if (!c.omitLineControl && l.line.control) segs.push(seg('REF', '6R', l.line.control));
    if (l.allowedCents !== null) segs.push(seg('AMT', 'B6', money(l.allowedCents)));
    for (const r of l.remarks) segs.push(seg('LQ', 'HE', r));
  }
  return { segs, paidCents: paid };
}

function remit835(sent: Sent837, plan: PayerPlan, control: number, clps: ClpInput[], plb: PayerPlan['providerAdjustments']): string {
  const now = plan.now ?? '2026-11-20T08:00:00';
  const payerId = plan.payerId ?? 'TESTPAYER';
  const body: Segment[] = [];
  let paid = 0;
  body.push(seg('LX', '1'));
  for (const c of clps) {
    const r = clpSegments(c);
    body.push(...r.segs);
    paid += r.paidCents;
  }
  // a payment below zero is carried to a later remittance with a negative FB (835.md §10)
  const carried = paid - (plb ?? []).reduce((s, p) => s + p.cents, 0);
  const plbs = carried < 0 ? [...(plb ?? []), { reason: 'FB', reference: `TP${control}`, cents: carried }] : (plb ?? []);
  const total = paid - plbs.reduce((s, p) => s + p.cents, 0);
  const date = d8(now.slice(0, 10));
  const header: Segment[] = [
    total > 0
      ? seg('BPR', 'I', money(total), 'C', 'ACH', 'CCP', '01', '999999992', 'DA', '123456789', '1512345678', '', '01', '888888880', 'DA', '55443322', date)
      : seg('BPR', 'H', money(Math.max(total, 0)), 'C', 'NON', '', '', '', '', '', '', '', '', '', '', '', date),
    seg('TRN', '1', `TP${date}${String(control).padStart(4, '0')}`, '1512345678'),
    seg('DTM', '405', date),
    seg('N1', 'PR', plan.payerName ?? 'TEST HEALTH PLAN'),
    seg('N3', '100 PAYER WAY'),
    seg('N4', 'HARTFORD', 'CT', '061010000'),
    seg('PER', 'BL', 'EDI SUPPORT', 'TE', '8005551212'),
    seg('N1', 'PE', sent.provider.name, 'XX', sent.provider.npi),
  ];
  // one PLB holds six reason/amount pairs; pyx12 allows a single PLB, so more than six would fail it
  const items = plbs.flatMap((p) => [[p.reason, p.reference ?? ''], money(p.cents)]);
  const footer: Segment[] = [];
  for (let i = 0; i < items.length; i += 12) footer.push(seg('PLB', sent.provider.npi, `${date.slice(0, 4)}1231`, ...items.slice(i, i + 12)));
  return interchange({ sender: payerId, receiver: sent.sender, functionalId: 'HP', version: '005010X221A1', control, now }, '835', [...header, ...(clps.length ? body : []), ...footer], null);
}

function ack999(sent: Sent837, plan: PayerPlan, control: number): string {
  const now = plan.now ?? '2026-11-20T08:00:00';
  const bad = plan.syntaxErrorIn ? sent.claims.find((c) => c.id === plan.syntaxErrorIn) : undefined;
  const body: Segment[] = [seg('AK1', 'HC', sent.group, '005010X222A1'), seg('AK2', '837', sent.transaction, '005010X222A1')];
  if (bad) body.push(seg('IK3', 'CLM', '19', '2300', '8'), seg('CTX', ['CLM01', bad.id]), seg('IK4', '7', '1359', '7', 'Z'), seg('IK5', 'R', '5'), seg('AK9', 'R', '1', '1', '0'));
  else body.push(seg('IK5', 'A'), seg('AK9', 'A', '1', '1', '1'));
  return interchange({ sender: plan.payerId ?? 'TESTPAYER', receiver: sent.sender, functionalId: 'FA', version: '005010X231A1', control, now }, '999', body, '005010X231A1');
}

function ack277(sent: Sent837, plan: PayerPlan, control: number, numbers: Record<string, string>): string {
  const now = plan.now ?? '2026-11-20T08:00:00';
  const date = d8(now.slice(0, 10));
  const accepted = sent.claims.filter((c) => !plan.claims?.[c.id]?.reject);
  const sum = (cs: SentClaim[]) => cs.reduce((s, c) => s + c.chargeCents, 0);
  const rejected = sent.claims.filter((c) => plan.claims?.[c.id]?.reject);
  const body: Segment[] = [
    seg('BHT', '0085', '08', `ACK${control}`, date, now.slice(11, 13) + now.slice(14, 16), 'TH'),
    seg('HL', '1', '', '20', '1'),
    seg('NM1', 'PR', '2', plan.payerName ?? 'TEST HEALTH PLAN', '', '', '', '', 'PI', plan.payerId ?? 'TESTPAYER'),
    seg('TRN', '1', `SRC${control}`),
    seg('DTP', '050', 'D8', date),
    seg('DTP', '009', 'D8', date),
    seg('HL', '2', '1', '21', '1'),
    seg('NM1', '41', '2', sent.provider.name, '', '', '', '', '46', sent.submitterId),
    seg('TRN', '2', sent.reference),
    seg('STC', ['A1', '19'], date, 'WQ', money(sum(sent.claims))),
    seg('QTY', '90', String(accepted.length)),
    seg('QTY', 'AA', String(rejected.length)),
    seg('AMT', 'YU', money(sum(accepted))),
    seg('AMT', 'YY', money(sum(rejected))),
    seg('HL', '3', '2', '19', '1'),
    seg('NM1', '85', '2', sent.provider.name, '', '', '', '', 'XX', sent.provider.npi),
    seg('TRN', '1', `PRV${control}`),
    seg('STC', ['A1', '19'], '', 'WQ', money(sum(sent.claims))),
    seg('QTY', 'QA', String(accepted.length)),
    seg('QTY', 'QC', String(rejected.length)),
    seg('AMT', 'YU', money(sum(accepted))),
    seg('AMT', 'YY', money(sum(rejected))),
  ];
  let hl = 4;
  for (const c of sent.claims) {
    const r = plan.claims?.[c.id]?.reject;
    const froms = c.lines.map((l) => l.from).sort();
    const tos = c.lines.map((l) => l.to).sort();
    const from = froms[0]!;
    const to = tos[tos.length - 1]!;
    body.push(
      seg('HL', String(hl++), '3', 'PT'),
      seg('NM1', 'QC', '1', c.patient.lastName, c.patient.firstName, '', '', '', 'MI', c.patient.memberId),
      seg('TRN', '2', c.id),
      r ? seg('STC', [r.category, r.status, r.entity ?? ''], date, 'U', money(c.chargeCents)) : seg('STC', ['A2', '20'], date, 'WQ', money(c.chargeCents)),
      ...(r ? [] : [seg('REF', '1K', numbers[c.id]!)]),
      from === to ? seg('DTP', '472', 'D8', d8(from)) : seg('DTP', '472', 'RD8', `${d8(from)}-${d8(to)}`),
    );
    // 2220D: the lines that caused the rejection, named by our REF*6R returned in REF*FJ (STC03 U only)
    for (const l of c.lines.filter((x) => r?.lines?.[x.n])) {
      const lr = r!.lines![l.n]!;
      body.push(
        seg('SVC', ['HC', l.code, ...l.modifiers], money(l.chargeCents), '', '', '', '', String(l.units)),
        seg('STC', [lr.category, lr.status, lr.entity ?? ''], date, 'U'),
        ...(l.control ? [seg('REF', 'FJ', l.control)] : []),
        l.from === l.to ? seg('DTP', '472', 'D8', d8(l.from)) : seg('DTP', '472', 'RD8', `${d8(l.from)}-${d8(l.to)}`),
      );
    }
  }
  return interchange({ sender: plan.payerId ?? 'TESTPAYER', receiver: sent.sender, functionalId: 'HN', version: '005010X214', control, now }, '277', body, '005010X214');
}

export function respond(text837: string, plan: PayerPlan): PayerResponse {
  const sent = readSent837(text837);
  const base = plan.control ?? 1;
  const numbers: Record<string, string> = {};
  sent.claims.forEach((c, i) => {
    if (!plan.claims?.[c.id]?.reject) numbers[c.id] = `94${String(base).padStart(4, '0')}${String(i + 1).padStart(5, '0')}`;
  });
  const first: ClpInput[] = [];
  const second: ClpInput[] = [];
  for (const claim of sent.claims) {
    const cp = plan.claims?.[claim.id] ?? {};
    if (cp.reject) continue;
    const omitLineControl = cp.omitLineControl ?? false;
    const number = numbers[claim.id]!;
    if (cp.notRecognized) {
      first.push({ claim, status: '4', lines: [], number, claimCas: [{ group: 'CO', reason: '31', cents: claim.chargeCents }], omitLineControl, sign: 1 });
      continue;
    }
    const outcome = (l: SentLine, table?: Record<number, LineOutcome>) => adjudicateLine(l, table?.[l.n] ?? cp.lines?.[l.n] ?? plan.default);
    const split = cp.splitAfterLine;
    const now = split ? claim.lines.filter((l) => l.n <= split) : claim.lines;
    const later = split ? claim.lines.filter((l) => l.n > split) : [];
    const moa = cp.remarks;
    const firstLines = now.map((l) => outcome(l));
    first.push({ claim, status: '1', lines: firstLines, number, omitLineControl, sign: 1, ...(moa ? { moa } : {}) });
    if (later.length) second.push({ claim, status: '1', lines: later.map((l) => outcome(l)), number: `${number}2`, omitLineControl, sign: 1 });
    if (cp.correction || cp.reverseOnly) {
      const reversed = firstLines.map((r) => ({ ...r, paidCents: -r.paidCents, allowedCents: r.allowedCents === null ? null : -r.allowedCents, cas: r.cas.map((a) => ({ ...a, cents: -a.cents })) }));
      second.push({ claim, status: '22', lines: reversed, number, omitLineControl, sign: -1 });
      if (cp.correction) second.push({ claim, status: '1', lines: now.map((l) => outcome(l, cp.correction)), number: `${number}1`, omitLineControl, sign: 1 });
    }
  }
  if (plan.syntaxErrorIn) return { ack999: ack999(sent, plan, base), ack277: null, remits: [], payerClaimNumbers: {} };
  const remits = [remit835(sent, plan, base + 2, first, [])];
  if (second.length || plan.providerAdjustments?.length) remits.push(remit835(sent, plan, base + 3, second, plan.providerAdjustments));
  return { ack999: ack999(sent, plan, base), ack277: ack277(sent, plan, base + 1, numbers), remits, payerClaimNumbers: numbers };
}
