// 835 health care claim payment/advice (005010X221A1, 835.md): header (BPR, TRN, payer and payee),
// claims (CLP with CAS, NM1, MOA/MIA, DTM, AMT) and their service lines (SVC with DTM, CAS,
// REF*6R, AMT, LQ), then PLB. Reads everything or throws naming the segment and its position.
import { Cursor } from './cursor.ts';
import type { TransactionSet } from './envelope.ts';
import { X12ReadError } from './readError.ts';
import {
  CLAIM_STATUS_CODES, type Adjustment, type AdjustmentGroup, type Party, type Procedure, type ProviderAdjustment,
  type Remark, type RemitClaim, type RemitLine, type Remittance,
} from '../domain/remittance.ts';
import { components, el, type RawSegment } from './tokens.ts';
import { cents, date, isoFromD8, oneOf, optional, optionalCents, quantity, required } from './values.ts';

/** The segments that end a claim's or a line's own segments: the next line, claim, LX or PLB. */
const CLAIM_PART_ENDS = new Set(['SVC', 'CLP', 'LX', 'PLB']);
const LINE_OTHERS = new Set(['DTM', 'REF', 'QTY']);
const CLAIM_OTHERS = new Set(['NM1', 'REF', 'DTM', 'PER', 'QTY']);

/** CR is 4010-only (835.md §5): read so the file can be shown, flagged by the balance check's caller. */
const GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;

/** CAS: a group and up to six reason/amount/quantity triplets (CAS02–CAS19). */
export function readCas(s: RawSegment): Adjustment[] {
  const group: AdjustmentGroup = oneOf(s, 1, 'claim adjustment group code', GROUPS);
  const out: Adjustment[] = [];
  for (let k = 0; k < 6; k++) {
    const at = 2 + k * 3;
    const reason = el(s, at);
    if (reason === '') {
      if (el(s, at + 1) !== '') throw new X12ReadError(s.id, s.position, `CAS${String(at + 1).padStart(2, '0')} has an amount without a reason code`);
      continue;
    }
    out.push({ position: s.position, group, reason, cents: cents(s, at + 1, `adjustment amount for ${reason}`), quantity: quantity(s, at + 2, 'adjustment quantity') });
  }
  if (out.length === 0) throw new X12ReadError(s.id, s.position, 'CAS02 (claim adjustment reason code) is required but empty');
  return out;
}

function procedure(s: RawSegment, n: number): Procedure {
  const [qualifier = '', code = '', ...modifiers] = components(s, n);
  if (!qualifier || !code) {
    throw new X12ReadError(s.id, s.position, `${s.id}${String(n).padStart(2, '0')} '${el(s, n)}' is not a qualifier${s.delimiters.component}procedure code composite (ISA16 is '${s.delimiters.component}')`);
  }
  return { qualifier, code, modifiers: modifiers.filter((m) => m !== '') };
}

function readParty(c: Cursor, qualifier: string, what: string): Party {
  const n1 = c.need('N1', what, qualifier);
  const party: Party = { name: el(n1, 2), qualifier: optional(n1, 3), id: optional(n1, 4), refs: [] };
  while (c.is('N3') || c.is('N4') || c.is('REF') || c.is('PER') || c.is('RDM')) {
    const s = c.take(c.peek()!.id)!;
    if (s.id === 'REF') party.refs.push({ qualifier: el(s, 1), value: el(s, 2) });
  }
  return party;
}

function readRemark(s: RawSegment): Remark[] {
  if (s.id === 'LQ') return [{ source: 'LQ', qualifier: oneOf(s, 1, 'code list qualifier', ['HE', 'RX'] as const), code: required(s, 2, 'remark code') }];
  // MOA03–07 and MIA05, MIA20–23 carry remark codes; the other elements are amounts
  const at = s.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23];
  return at.map((n) => el(s, n)).filter((v) => v !== '').map((code) => ({ source: s.id as 'MOA' | 'MIA', qualifier: null, code }));
}

function dtm(s: RawSegment): string {
  return date(s, 2, `date (DTM*${el(s, 1)})`);
}

function readLine(c: Cursor): RemitLine {
  const s = c.need('SVC', 'service payment information');
  const line: RemitLine = {
    position: s.position,
    procedure: procedure(s, 1),
    submitted: el(s, 6) ? procedure(s, 6) : null,
    chargeCents: cents(s, 2, 'line item charge amount'),
    paidCents: cents(s, 3, 'line item provider payment amount'),
    revenueCode: optional(s, 4),
    unitsPaid: quantity(s, 5, 'units of service paid'),
    unitsSubmitted: quantity(s, 7, 'original units of service'),
    from: null, to: null, lineControlNumber: null, adjustments: [], remarks: [], amounts: [],
  };
  for (let t = c.peek(); t && !CLAIM_PART_ENDS.has(t.id); t = c.peek()) {
    c.skip();
    if (t.id === 'DTM' && el(t, 1) === '472') line.from = line.to = dtm(t);
    else if (t.id === 'DTM' && el(t, 1) === '150') line.from = dtm(t);
    else if (t.id === 'DTM' && el(t, 1) === '151') line.to = dtm(t);
    else if (t.id === 'CAS') line.adjustments.push(...readCas(t));
    else if (t.id === 'REF' && el(t, 1) === '6R') line.lineControlNumber = required(t, 2, 'line item control number');
    else if (t.id === 'AMT') line.amounts.push({ qualifier: required(t, 1, 'amount qualifier'), cents: cents(t, 2, 'service supplemental amount') });
    else if (t.id === 'LQ') line.remarks.push(...readRemark(t));
    else if (!LINE_OTHERS.has(t.id)) throw new X12ReadError(t.id, t.position, `unexpected ${t.id} in the service line opened by SVC at segment ${s.position}`);
  }
  if (line.from && !line.to) line.to = line.from;
  if (line.to && !line.from) line.from = line.to;
  return line;
}

function readClaim(c: Cursor): RemitClaim {
  const s = c.need('CLP', 'claim payment information');
  const claim: RemitClaim = {
    position: s.position,
    claimId: required(s, 1, 'patient control number'),
    status: oneOf(s, 2, 'claim status code', CLAIM_STATUS_CODES),
    chargeCents: cents(s, 3, 'total claim charge amount'),
    paidCents: cents(s, 4, 'claim payment amount'),
    patientResponsibilityCents: optionalCents(s, 5, 'patient responsibility amount'),
    filingIndicator: optional(s, 6),
    payerClaimNumber: optional(s, 7),
    facility: optional(s, 8),
    frequency: optional(s, 9),
    patient: null, from: null, to: null, received: null, adjustments: [], remarks: [], amounts: [], lines: [],
  };
  for (let t = c.peek(); t && !CLAIM_PART_ENDS.has(t.id); t = c.peek()) {
    c.skip();
    if (t.id === 'CAS') claim.adjustments.push(...readCas(t));
    else if (t.id === 'NM1' && el(t, 1) === 'QC') claim.patient = { lastName: el(t, 3), firstName: optional(t, 4), memberId: optional(t, 9) };
    else if (t.id === 'MOA' || t.id === 'MIA') claim.remarks.push(...readRemark(t));
    else if (t.id === 'DTM' && el(t, 1) === '232') claim.from = dtm(t);
    else if (t.id === 'DTM' && el(t, 1) === '233') claim.to = dtm(t);
    else if (t.id === 'DTM' && el(t, 1) === '050') claim.received = dtm(t);
    else if (t.id === 'AMT') claim.amounts.push({ qualifier: required(t, 1, 'amount qualifier'), cents: cents(t, 2, 'claim supplemental amount') });
    else if (!CLAIM_OTHERS.has(t.id)) throw new X12ReadError(t.id, t.position, `unexpected ${t.id} in the claim opened by CLP at segment ${s.position}`);
  }
  while (c.is('SVC')) claim.lines.push(readLine(c));
  return claim;
}

/** PLB: provider id, fiscal period date, then up to six reason:reference / amount pairs. */
export function readPlb(s: RawSegment): ProviderAdjustment {
  const plb: ProviderAdjustment = {
    position: s.position,
    providerId: required(s, 1, 'provider identifier'),
    fiscalPeriodDate: isoFromD8(s, 2, required(s, 2, 'fiscal period date'), 'fiscal period date'),
    items: [],
  };
  for (let k = 0; k < 6; k++) {
    const at = 3 + k * 2;
    if (el(s, at) === '') continue;
    const [reason = '', reference = ''] = components(s, at);
    if (!reason) throw new X12ReadError(s.id, s.position, `PLB${String(at).padStart(2, '0')} has no adjustment reason code`);
    plb.items.push({ reason, reference: reference || null, cents: cents(s, at + 1, `provider adjustment amount for ${reason}`) });
  }
  if (plb.items.length === 0) throw new X12ReadError(s.id, s.position, 'PLB03 (provider adjustment identifier) is required but empty');
  return plb;
}

export function read835(set: TransactionSet): Remittance {
  const c = new Cursor(set.body, set.st);
  const bpr = c.need('BPR', 'financial information');
  const trn = c.need('TRN', 'reassociation trace number', '1');
  let productionDate: string | null = null;
  for (const s of c.skipUntil('N1')) if (s.id === 'DTM' && el(s, 1) === '405') productionDate = dtm(s);
  const payer = readParty(c, 'PR', 'payer identification');
  const payee = readParty(c, 'PE', 'payee identification');
  const r: Remittance = {
    position: set.st.position,
    control: set.control,
    handling: oneOf(bpr, 1, 'transaction handling code', ['C', 'D', 'H', 'I', 'P', 'U', 'X'] as const),
    paymentCents: cents(bpr, 2, 'total actual provider payment amount'),
    creditDebit: oneOf(bpr, 3, 'credit/debit flag code', ['C', 'D'] as const),
    paymentMethod: required(bpr, 4, 'payment method code'),
    paymentDate: date(bpr, 16, 'check issue or EFT effective date'),
    traceNumber: required(trn, 2, 'check or EFT trace number'),
    traceOriginator: optional(trn, 3),
    productionDate,
    payer,
    payee,
    claims: [],
    providerAdjustments: [],
  };
  while (c.is('LX') || c.is('CLP')) {
    if (c.take('LX')) {
      while (c.take('TS3') || c.take('TS2'));
      continue;
    }
    r.claims.push(readClaim(c));
  }
  for (let s = c.take('PLB'); s; s = c.take('PLB')) r.providerAdjustments.push(readPlb(s));
  c.end('an 835 after its claims and PLB');
  return r;
}
