// 999 implementation acknowledgment (005010X231A1, acks.md §4): per functional group we sent
// (AK1), each transaction set's result (AK2/IK5) with the segment (IK3, CTX) and element (IK4)
// errors, and the group's result (AK9).
import { ACK_RESULTS, IK3_ERRORS, IK4_ERRORS, words } from './ackWords.ts';
import { Cursor } from './cursor.ts';
import type { TransactionSet } from './envelope.ts';
import { X12ReadError } from './readError.ts';
import { components, el } from './tokens.ts';
import { oneOf, optional, required } from './values.ts';

export type SetResult = 'A' | 'E' | 'M' | 'R' | 'W' | 'X';
export type GroupResult = SetResult | 'P';

export interface ElementError {
  position: number;
  /** IK401-1 element position in the segment, -2 component, -3 repetition */
  element: number;
  component: number | null;
  repetition: number | null;
  /** IK402 data element reference number (e.g. 1359) */
  dataElement: string | null;
  /** IK403 and its words */
  code: string;
  words: string;
  /** IK404: a copy of the bad value */
  badValue: string | null;
}

export interface SegmentError {
  position: number;
  /** IK301: the segment id we sent (CLM) */
  segmentId: string;
  /** IK302: its position inside our ST, ST = 1 */
  segmentPosition: number;
  /** IK303 loop id when given */
  loop: string | null;
  /** IK304 and its words */
  code: string;
  words: string;
  /** CTX business units, e.g. { name: 'CLM01', value: our claim id } */
  context: { name: string; value: string }[];
  elements: ElementError[];
}

export interface SetAck {
  position: number;
  /** AK201/202/203 = our ST01/ST02/ST03 */
  type: string;
  control: string;
  convention: string | null;
  errors: SegmentError[];
  /** IK501 and the IK502–506 codes */
  result: SetResult;
  resultWords: string;
  codes: string[];
}

export interface Ack999 {
  /** ST02 of the 999 itself */
  control: string;
  /** AK101/102/103 = our GS01/GS06/GS08 */
  functionalId: string;
  groupControl: string;
  version: string | null;
  sets: SetAck[];
  /** AK9 */
  result: GroupResult;
  resultWords: string;
  included: number;
  received: number;
  accepted: number;
}

const SET_RESULTS = ['A', 'E', 'M', 'R', 'W', 'X'] as const;
const GROUP_RESULTS = ['A', 'E', 'M', 'P', 'R', 'W', 'X'] as const;

function readCount(c: ReturnType<Cursor['need']>, n: number, what: string): number {
  const v = required(c, n, what);
  if (!/^\d+$/.test(v)) throw new X12ReadError(c.id, c.position, `${c.id}${String(n).padStart(2, '0')} (${what}) '${v}' is not a count`);
  return Number(v);
}

function readIk4(c: Cursor): ElementError {
  const s = c.need('IK4', 'element error');
  const [element = '', component = '', repetition = ''] = components(s, 1);
  if (!/^\d+$/.test(element)) throw new X12ReadError(s.id, s.position, `IK401 '${el(s, 1)}' does not give an element position`);
  const code = required(s, 3, 'element syntax error code');
  return {
    position: s.position,
    element: Number(element),
    component: component ? Number(component) : null,
    repetition: repetition ? Number(repetition) : null,
    dataElement: optional(s, 2),
    code,
    words: words(IK4_ERRORS, code),
    badValue: optional(s, 4),
  };
}

function readIk3(c: Cursor): SegmentError {
  const s = c.need('IK3', 'segment error');
  const at = required(s, 2, 'segment position in transaction set');
  if (!/^\d+$/.test(at)) throw new X12ReadError(s.id, s.position, `IK302 '${at}' is not a segment position`);
  const code = required(s, 4, 'segment syntax error code');
  const err: SegmentError = {
    position: s.position,
    segmentId: required(s, 1, 'segment id code'),
    segmentPosition: Number(at),
    loop: optional(s, 3),
    code,
    words: words(IK3_ERRORS, code),
    context: [],
    elements: [],
  };
  for (let ctx = c.take('CTX'); ctx; ctx = c.take('CTX')) {
    const [name = '', value = ''] = components(ctx, 1);
    err.context.push({ name, value });
  }
  while (c.is('IK4')) {
    err.elements.push(readIk4(c));
    while (c.take('CTX')); // element context: situational triggers, not used by the office
  }
  return err;
}

function readAk2(c: Cursor): SetAck {
  const s = c.need('AK2', 'transaction set response header');
  const ack: Omit<SetAck, 'result' | 'resultWords' | 'codes'> = {
    position: s.position,
    type: required(s, 1, 'transaction set identifier code'),
    control: required(s, 2, 'transaction set control number'),
    convention: optional(s, 3),
    errors: [],
  };
  while (c.is('IK3')) ack.errors.push(readIk3(c));
  const ik5 = c.need('IK5', 'transaction set response trailer');
  const result = oneOf(ik5, 1, 'transaction set acknowledgment code', SET_RESULTS);
  const codes = [2, 3, 4, 5, 6].map((n) => el(ik5, n)).filter((v) => v !== '');
  return { ...ack, result, resultWords: words(ACK_RESULTS, result), codes };
}

export function read999(set: TransactionSet): Ack999 {
  const c = new Cursor(set.body, set.st);
  const ak1 = c.need('AK1', 'functional group response header');
  const sets: SetAck[] = [];
  while (c.is('AK2')) sets.push(readAk2(c));
  const ak9 = c.need('AK9', 'functional group response trailer');
  c.end('a 999');
  const result = oneOf(ak9, 1, 'functional group acknowledgment code', GROUP_RESULTS);
  return {
    control: set.control,
    functionalId: required(ak1, 1, 'functional identifier code'),
    groupControl: required(ak1, 2, 'group control number'),
    version: optional(ak1, 3),
    sets,
    result,
    resultWords: words(ACK_RESULTS, result),
    included: readCount(ak9, 2, 'transaction sets included'),
    received: readCount(ak9, 3, 'transaction sets received'),
    accepted: readCount(ak9, 4, 'transaction sets accepted'),
  };
}
