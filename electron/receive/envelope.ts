// ISA/IEA, GS/GE and ST/SE: groups the segments of a received file into interchanges, functional
// groups and transaction sets, and checks what the envelope promises (counts and control numbers)
// before any reader trusts the content. A file may hold several of each.
import { X12ReadError } from './readError.ts';
import { el, type RawSegment } from './tokens.ts';
import { required } from './values.ts';

export interface TransactionSet {
  st: RawSegment;
  /** ST01: 835, 999, 277 … */
  type: string;
  /** ST02 */
  control: string;
  /** ST03, or GS08 when ST03 is absent (the 835 does not use ST03) */
  convention: string;
  /** the segments between ST and SE */
  body: RawSegment[];
  se: RawSegment;
}

export interface FunctionalGroup {
  gs: RawSegment;
  /** GS01: HP (835), FA (999), HN (277) … */
  functionalId: string;
  sender: string;
  receiver: string;
  /** GS06 */
  control: string;
  /** GS08 */
  version: string;
  sets: TransactionSet[];
}

export interface Interchange {
  isa: RawSegment;
  sender: string;
  receiver: string;
  /** ISA13 */
  control: string;
  /** ISA15: P production, T test */
  usage: string;
  /** TA1 segments that stand in the interchange before (or instead of) any group */
  ta1: RawSegment[];
  groups: FunctionalGroup[];
}

function expect(s: RawSegment | undefined, id: string, after: RawSegment): RawSegment {
  if (!s) throw new X12ReadError('', after.position + 1, `the file ends where ${id} is required (after ${after.id} at segment ${after.position})`);
  if (s.id !== id) throw new X12ReadError(s.id, s.position, `${id} expected here, found ${s.id}`);
  return s;
}

function count(s: RawSegment, n: number, what: string, actual: number): void {
  const v = required(s, n, what);
  if (!/^\d+$/.test(v) || Number(v) !== actual) {
    throw new X12ReadError(s.id, s.position, `${s.id}${String(n).padStart(2, '0')} says ${v} ${what}, there are ${actual}`);
  }
}

function sameControl(close: RawSegment, n: number, open: RawSegment, m: number): void {
  const a = el(close, n).trim();
  const b = el(open, m).trim();
  if (a !== b) {
    throw new X12ReadError(close.id, close.position, `control number ${a || '(empty)'} does not match ${open.id} ${b || '(empty)'} at segment ${open.position}`);
  }
}

/** The closing segment at segs[j] (SE, GE, IEA): its count and its echo of the opening control number. */
function close(segs: RawSegment[], j: number, id: string, what: string, actual: number, open: RawSegment, controlAt: number): number {
  const end = expect(segs[j], id, segs[j - 1]!);
  count(end, 1, what, actual);
  sameControl(end, 2, open, controlAt);
  return j + 1;
}

/** Envelope segments that cannot stand inside a transaction set. */
const ENVELOPE = new Set(['ST', 'GS', 'GE', 'ISA', 'IEA']);

/** Reads one ST…SE starting at segs[i] (an ST); returns it and the index after its SE. */
function readSet(segs: RawSegment[], i: number, gs: RawSegment): [TransactionSet, number] {
  const st = segs[i]!;
  const body: RawSegment[] = [];
  let j = i + 1;
  while (j < segs.length && segs[j]!.id !== 'SE') {
    const s = segs[j]!;
    if (ENVELOPE.has(s.id)) throw new X12ReadError(s.id, s.position, `found inside the transaction set opened by ST at segment ${st.position}, before its SE`);
    body.push(s);
    j++;
  }
  const next = close(segs, j, 'SE', 'segments from ST to SE', body.length + 2, st, 2);
  const set: TransactionSet = {
    st,
    se: segs[j]!,
    type: required(st, 1, 'transaction set identifier'),
    control: required(st, 2, 'transaction set control number'),
    convention: el(st, 3) || el(gs, 8),
    body,
  };
  return [set, next];
}

function readGroup(segs: RawSegment[], i: number): [FunctionalGroup, number] {
  const gs = segs[i]!;
  const group: FunctionalGroup = {
    gs,
    functionalId: required(gs, 1, 'functional identifier code'),
    sender: el(gs, 2),
    receiver: el(gs, 3),
    control: required(gs, 6, 'group control number'),
    version: required(gs, 8, 'version / release / industry identifier code'),
    sets: [],
  };
  let j = i + 1;
  while (segs[j]?.id === 'ST') {
    const [set, next] = readSet(segs, j, gs);
    group.sets.push(set);
    j = next;
  }
  return [group, close(segs, j, 'GE', 'transaction sets', group.sets.length, gs, 6)];
}

function readInterchange(segs: RawSegment[], i: number): [Interchange, number] {
  const isa = segs[i]!;
  const ix: Interchange = {
    isa,
    sender: el(isa, 6).trim(),
    receiver: el(isa, 8).trim(),
    control: el(isa, 13).trim(),
    usage: el(isa, 15),
    ta1: [],
    groups: [],
  };
  if (!/^\d{9}$/.test(el(isa, 13))) throw new X12ReadError('ISA', isa.position, `ISA13 '${el(isa, 13)}' is not a 9-digit interchange control number`);
  let j = i + 1;
  while (segs[j]?.id === 'TA1') ix.ta1.push(segs[j++]!);
  while (segs[j]?.id === 'GS') {
    const [group, next] = readGroup(segs, j);
    ix.groups.push(group);
    j = next;
  }
  return [ix, close(segs, j, 'IEA', 'functional groups', ix.groups.length, isa, 13)];
}

/** Every interchange in the file; throws on the first envelope problem. */
export function readEnvelopes(segs: RawSegment[]): Interchange[] {
  const out: Interchange[] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    if (s.id !== 'ISA') throw new X12ReadError(s.id, s.position, `ISA expected (a new interchange), found ${s.id}`);
    const [ix, next] = readInterchange(segs, i);
    out.push(ix);
    i = next;
  }
  return out;
}
