// 277CA claim acknowledgment (005010X214, acks.md §5): who speaks (2100A: payer NM1*PR or
// clearinghouse NM1*AY), batch totals (2200B), and per claim (2200D): our claim id in TRN02,
// the STC statuses, the payer's claim number REF*1K, the clearinghouse's REF*D9, the service
// dates, and per rejected line (2220D) our line control number in REF*FJ.
import { STATUS_CATEGORIES, STATUS_ENTITIES, words } from './ackWords.ts';
import type { TransactionSet } from './envelope.ts';
import { X12ReadError } from './readError.ts';
import { components, el, type RawSegment } from './tokens.ts';
import { cents, date, optional, optionalCents, period, quantity, required } from './values.ts';

export interface StatusCode {
  /** STC01-1 / -2 / -3 (or STC10, STC11): category, status, entity */
  category: string;
  status: string;
  entity: string | null;
  /** "A7 rejected for invalid information: status 562: billing provider" */
  words: string;
}

export interface Stc {
  position: number;
  codes: StatusCode[];
  /** STC02 */
  date: string | null;
  /** STC03: WQ accepted, U rejected */
  action: string | null;
  /** STC04: the claim's total charge as they read it */
  chargeCents: number | null;
  /** STC12 free text, verbatim */
  text: string | null;
}

export interface Source {
  /** NM101: PR payer, AY clearinghouse … */
  entity: string;
  name: string;
  id: string | null;
}

export interface LineStatus {
  position: number;
  procedure: string[];
  chargeCents: number;
  units: number | null;
  /** REF*FJ = our 2400 REF*6R */
  lineControlNumber: string | null;
  from: string | null;
  to: string | null;
  statuses: Stc[];
}

export interface ClaimStatus277 {
  position: number;
  source: Source;
  /** TRN02 = our CLM01 */
  claimId: string;
  patient: { lastName: string; firstName: string | null; memberId: string | null };
  statuses: Stc[];
  /** REF*1K: the payer's claim control number (= 835 CLP07) */
  payerClaimNumber: string | null;
  /** REF*D9: the clearinghouse's claim id */
  clearinghouseClaimId: string | null;
  from: string | null;
  to: string | null;
  lines: LineStatus[];
}

export interface BatchStatus {
  position: number;
  source: Source;
  /** HL03 20/21/19 level: information source, receiver (us), billing provider */
  level: 'source' | 'receiver' | 'provider';
  trace: string | null;
  statuses: Stc[];
  /** QTY*90 / QTY*QA accepted, QTY*AA / QTY*QC rejected; AMT*YU accepted $, AMT*YY rejected $ */
  acceptedCount: number | null;
  rejectedCount: number | null;
  acceptedCents: number | null;
  rejectedCents: number | null;
}

export interface Ack277 {
  control: string;
  /** BHT03 and BHT04 */
  reference: string;
  date: string;
  batches: BatchStatus[];
  claims: ClaimStatus277[];
}

function statusCode(parts: string[]): StatusCode | null {
  const [category = '', status = '', entity = ''] = parts;
  if (!category) return null;
  const who = entity ? `: ${words(STATUS_ENTITIES, entity)}` : '';
  return { category, status, entity: entity || null, words: `${category} ${words(STATUS_CATEGORIES, category)}: status ${status}${who}` };
}

function readStc(s: RawSegment): Stc {
  const first = statusCode(components(s, 1));
  if (!first) throw new X12ReadError(s.id, s.position, 'STC01 (health care claim status) is required but empty');
  const codes = [first, statusCode(components(s, 10)), statusCode(components(s, 11))].filter((c): c is StatusCode => c !== null);
  return {
    position: s.position,
    codes,
    date: el(s, 2) ? date(s, 2, 'status information effective date') : null,
    action: optional(s, 3),
    chargeCents: optionalCents(s, 4, 'total claim charge amount'),
    text: optional(s, 12),
  };
}

const LEVELS: Readonly<Record<string, BatchStatus['level']>> = { '20': 'source', '21': 'receiver', '19': 'provider' };

/** Splits the body after BHT into HL blocks (the HL and what follows it up to the next HL). */
function hlBlocks(body: RawSegment[], from: number): RawSegment[][] {
  const blocks: RawSegment[][] = [];
  for (let i = from; i < body.length; i++) {
    const s = body[i]!;
    if (s.id === 'HL') blocks.push([s]);
    else if (blocks.length === 0) throw new X12ReadError(s.id, s.position, 'HL expected after BHT');
    else blocks[blocks.length - 1]!.push(s);
  }
  return blocks;
}

function readBatch(block: RawSegment[], level: BatchStatus['level'], source: Source): BatchStatus {
  const b: BatchStatus = { position: block[0]!.position, source, level, trace: null, statuses: [], acceptedCount: null, rejectedCount: null, acceptedCents: null, rejectedCents: null };
  for (const s of block.slice(1)) {
    if (s.id === 'TRN') b.trace = optional(s, 2);
    else if (s.id === 'STC') b.statuses.push(readStc(s));
    else if (s.id === 'QTY' && ['90', 'QA'].includes(el(s, 1))) b.acceptedCount = quantity(s, 2, 'accepted quantity');
    else if (s.id === 'QTY' && ['AA', 'QC'].includes(el(s, 1))) b.rejectedCount = quantity(s, 2, 'rejected quantity');
    else if (s.id === 'AMT' && el(s, 1) === 'YU') b.acceptedCents = cents(s, 2, 'accepted amount');
    else if (s.id === 'AMT' && el(s, 1) === 'YY') b.rejectedCents = cents(s, 2, 'rejected amount');
  }
  return b;
}

function readSource(block: RawSegment[]): Source {
  const nm1 = block.find((s) => s.id === 'NM1');
  if (!nm1) throw new X12ReadError('HL', block[0]!.position, 'the information source (HL level 20) has no NM1 naming the payer or clearinghouse');
  return { entity: required(nm1, 1, 'entity identifier code'), name: el(nm1, 3), id: optional(nm1, 9) };
}

/** A patient HL: NM1*QC, then one 2200D (TRN…) per claim, each with its 2220D (SVC…) lines. */
function readPatient(block: RawSegment[], source: Source): ClaimStatus277[] {
  const nm1 = block.find((s) => s.id === 'NM1' && el(s, 1) === 'QC');
  if (!nm1) throw new X12ReadError('HL', block[0]!.position, 'the patient level (HL PT) has no NM1*QC');
  const patient = { lastName: el(nm1, 3), firstName: optional(nm1, 4), memberId: optional(nm1, 9) };
  const claims: ClaimStatus277[] = [];
  let line: LineStatus | null = null;
  for (const s of block.slice(1)) {
    if (s.id === 'TRN') {
      claims.push({ position: s.position, source, claimId: required(s, 2, 'our claim id (patient control number)'), patient, statuses: [], payerClaimNumber: null, clearinghouseClaimId: null, from: null, to: null, lines: [] });
      line = null;
      continue;
    }
    const claim = claims[claims.length - 1];
    if (s.id === 'NM1') continue;
    if (!claim) throw new X12ReadError(s.id, s.position, 'found before the claim\'s TRN*2 in the patient level');
    if (s.id === 'SVC') {
      line = { position: s.position, procedure: components(s, 1), chargeCents: cents(s, 2, 'line item charge amount'), units: quantity(s, 7, 'units of service'), lineControlNumber: null, from: null, to: null, statuses: [] };
      claim.lines.push(line);
    } else if (s.id === 'STC') (line ?? claim).statuses.push(readStc(s));
    else if (s.id === 'REF' && el(s, 1) === 'FJ' && line) line.lineControlNumber = required(s, 2, 'line item control number');
    else if (s.id === 'REF' && el(s, 1) === '1K' && !line) claim.payerClaimNumber = required(s, 2, 'payer claim control number');
    else if (s.id === 'REF' && el(s, 1) === 'D9' && !line) claim.clearinghouseClaimId = required(s, 2, 'clearinghouse trace number');
    else if (s.id === 'DTP' && el(s, 1) === '472') Object.assign(line ?? claim, period(s, 2, 'service date'));
  }
  return claims;
}

export function read277ca(set: TransactionSet): Ack277 {
  const bht = set.body[0];
  if (!bht || bht.id !== 'BHT') throw new X12ReadError(bht?.id ?? 'SE', bht?.position ?? set.st.position + 1, 'BHT (beginning of hierarchical transaction) expected after ST');
  const ack: Ack277 = { control: set.control, reference: required(bht, 3, 'reference identification'), date: date(bht, 4, 'transaction set creation date'), batches: [], claims: [] };
  let source: Source | null = null;
  for (const block of hlBlocks(set.body, 1)) {
    const hl = block[0]!;
    const code = required(hl, 3, 'hierarchical level code');
    if (code === '20') source = readSource(block);
    if (!source) throw new X12ReadError('HL', hl.position, 'the first HL must be the information source (HL03 = 20)');
    const level = LEVELS[code];
    if (level) ack.batches.push(readBatch(block, level, source));
    else if (code === 'PT') ack.claims.push(...readPatient(block, source));
    else throw new X12ReadError('HL', hl.position, `HL03 '${code}' is not a 277CA level (20, 21, 19, PT)`);
  }
  return ack;
}
