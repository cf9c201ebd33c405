// The envelope of any X12 interchange: ISA/IEA, GS/GE, ST/SE — padding, delimiters, control
// numbers and counts. The transaction set only shows as `version` (GS08/ST03), so 999, 277CA and
// 835 readers can run the same pass with their own implementation guide.
//
// One interchange holding one group holding one transaction set, as our writer produces: the
// pass pairs the first GS/ST with the last SE/GE/IEA and counts GS and ST over the whole file, so
// an extra group or set is reported as a count mismatch instead of being read.
import { isRealDate } from '../format.ts';
import type { Issues } from './issues.ts';
import { ISA_LENGTH, type Tokens } from './tokenize.ts';
import { d8ToIso } from './values.ts';

/** Segment indexes of the one transaction set: ST and its SE. */
export interface TransactionSpan {
  st: number;
  se: number;
}

export interface ControlNumbers {
  interchangeControlNumber: string | null;
  groupControlNumber: string | null;
  transactionControlNumber: string | null;
}

/** ISA13, GS06 and ST02 as read, whether or not the envelope checks out. */
export function controlNumbers(segments: readonly (readonly string[])[]): ControlNumbers {
  return {
    interchangeControlNumber: segments[0]?.[13] ?? null,
    groupControlNumber: segments.find((s) => s[0] === 'GS')?.[6] ?? null,
    transactionControlNumber: segments.find((s) => s[0] === 'ST')?.[2] ?? null,
  };
}

function checkIsa(t: Tokens, issues: Issues): void {
  const isa = t.segments[0]!;
  if (t.isaLength !== ISA_LENGTH) issues.error(0, '', `ISA is ${t.isaLength} characters, not ${ISA_LENGTH}`);
  if (isa.length !== 17) issues.error(0, '', `ISA has ${isa.length - 1} elements, not 16`);
  if (!/^\d{9}$/.test(isa[13] ?? '')) issues.error(0, '', `ISA13 '${isa[13]}' is not 9 digits`);
  if (isa[6]?.length !== 15 || isa[8]?.length !== 15) issues.error(0, '', 'ISA06/ISA08 are not padded to 15 characters');
  // The separators were taken from fixed offsets; ISA11/ISA16 must agree or the ISA is misaligned.
  if (isa[11] !== t.delimiters.repetition || isa[16] !== t.delimiters.component) issues.error(0, '', 'ISA11/ISA16 do not hold the repetition/component separators');
  if (isa[15] !== 'T' && isa[15] !== 'P') issues.error(0, '', `ISA15 '${isa[15]}' is not T or P`);
}

/** Null when a trailer or header is missing: without both ends there is no transaction to walk. */
export function checkEnvelope(t: Tokens, version: string, issues: Issues): TransactionSpan | null {
  checkIsa(t, issues);
  const segments = t.segments;
  const ids = segments.map((s) => s[0]);
  const count = (id: string) => ids.filter((x) => x === id).length;
  const gsI = ids.indexOf('GS');
  const stI = ids.indexOf('ST');
  const seI = ids.lastIndexOf('SE');
  const geI = ids.lastIndexOf('GE');
  const ieaI = ids.lastIndexOf('IEA');
  if ([gsI, stI, seI, geI, ieaI].some((n) => n < 0)) {
    issues.error(0, '', 'missing GS, ST, SE, GE or IEA');
    return null;
  }
  if (ieaI !== segments.length - 1) issues.error(ieaI, '', 'segments after IEA');
  const isa = segments[0]!;
  const gs = segments[gsI]!;
  const st = segments[stI]!;
  const se = segments[seI]!;
  const ge = segments[geI]!;
  const iea = segments[ieaI]!;
  if (iea[2] !== isa[13]) issues.error(ieaI, '', `IEA02 ${iea[2]} does not match ISA13 ${isa[13]}`);
  if (Number(iea[1]) !== count('GS')) issues.error(ieaI, '', `IEA01 ${iea[1]} is not the number of GS groups`);
  if (ge[2] !== gs[6]) issues.error(geI, '', `GE02 ${ge[2]} does not match GS06 ${gs[6]}`);
  if (Number(ge[1]) !== count('ST')) issues.error(geI, '', `GE01 ${ge[1]} is not the number of ST transactions`);
  if (se[2] !== st[2]) issues.error(seI, '', `SE02 ${se[2]} does not match ST02 ${st[2]}`);
  if (Number(se[1]) !== seI - stI + 1) issues.error(seI, '', `SE01 ${se[1]} is wrong: ST … SE holds ${seI - stI + 1} segments`);
  if (!/^\d{4,9}$/.test(st[2] ?? '')) issues.error(stI, 'HEADER', `ST02 '${st[2]}' is not 4–9 digits`);
  if (gs[8] !== version || st[3] !== version) issues.error(stI, 'HEADER', `GS08/ST03 are not ${version}`);
  if (!/^\d{8}$/.test(gs[4] ?? '') || !isRealDate(d8ToIso(gs[4] ?? ''))) issues.error(gsI, '', `GS04 '${gs[4]}' is not a CCYYMMDD date`);
  return { st: stI, se: seI };
}
