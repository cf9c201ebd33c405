// What the 837P writer takes and gives back.
import type { Claim } from '../../domain/claims.ts';
import type { Dataset, IsoDateTime } from '../../domain/types.ts';

/** The office records the 837P needs; the rest of the Dataset is not read. */
export type X12Records = Pick<Dataset, 'organization' | 'clearinghouse' | 'payers' | 'patients' | 'prescribers' | 'nurses'>;

export interface X12Control {
  /** ISA13 = IEA02, 1 … 999999999, never reused with the same partner */
  interchange: number;
  /** GS06 = GE02, 1 … 999999999 */
  group: number;
  /** ST02 = SE02, 1 … 999999999 (written with at least 4 digits) */
  transaction: number;
  /** BHT03, the office's batch reference (default: the interchange number) */
  reference?: string | null;
}

export interface X12BatchInput {
  claims: readonly Claim[];
  records: X12Records;
  control: X12Control;
  /** ISO date-time of creation: ISA09/10, GS04/05, BHT04/05, written as given */
  now: IsoDateTime;
  /** a line break after each segment terminator (default true; pyx12 and most partners accept it) */
  lineBreaks?: boolean;
}

export interface X12WriteResult {
  text: string;
  /** every segment in the file, ISA … IEA */
  segments: number;
  /** SE01: segments from ST to SE, both included */
  transactionSegments: number;
  /** claim ids in file order */
  claims: string[];
  /** ISA13 as written (9 digits) */
  interchangeControlNumber: string;
  groupControlNumber: string;
  transactionControlNumber: string;
}

/** The input cannot be written as a valid 837P; `problems` name the record and field. */
export class X12InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot write the 837P: ${problems.length} problem(s)\n${problems.join('\n')}`);
    this.name = 'X12InputError';
  }
}
