// TA1: the interchange acknowledgment for one of our ISA…IEA (acks.md §3).
import { TA1_NOTES, words } from './ackWords.ts';
import type { RawSegment } from './tokens.ts';
import { isoFromD8, oneOf, required } from './values.ts';

export interface Ta1 {
  position: number;
  /** TA101 = our ISA13 */
  interchangeControl: string;
  /** TA102/103 = our ISA09/ISA10, as ISO date and HHMM */
  date: string;
  time: string;
  /** TA104: A accepted, E accepted with errors, R rejected (nothing in the interchange processed) */
  result: 'A' | 'E' | 'R';
  /** TA105 (I18) and its words */
  note: string;
  noteWords: string;
}

export function readTa1(s: RawSegment): Ta1 {
  const control = required(s, 1, 'interchange control number');
  const yymmdd = required(s, 2, 'interchange date');
  const note = required(s, 5, 'interchange note code');
  return {
    position: s.position,
    interchangeControl: control,
    // ISA09 is YYMMDD: the century is 20 for every file this product exchanges
    date: isoFromD8(s, 2, `20${yymmdd}`, 'interchange date'),
    time: required(s, 3, 'interchange time'),
    result: oneOf(s, 4, 'acknowledgment code', ['A', 'E', 'R'] as const),
    note,
    noteWords: words(TA1_NOTES, note),
  };
}
