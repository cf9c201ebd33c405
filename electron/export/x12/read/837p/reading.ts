// What the 837P handlers share while the loop walk runs: the claim and line being filled, the
// subscriber/payer they inherit, and the HL nodes for the tree checks at the end.
import type { Issues } from '../issues.ts';
import type { OpenLoop } from '../loopWalk.ts';
import type { ReadClaim, ReadLine, ReadLineAdjudication, ReadOtherPayer } from './result.ts';

export interface HlNode {
  id: number;
  parent: number | null;
  level: string;
  childFlag: string;
  at: number;
  children: number;
  claims: number;
  hasPatient: boolean;
  sbr02: string | null;
  dmg: boolean;
}

/** Where a segment sits: its index, its loop and the loop around that. */
export interface At {
  i: number;
  loop: string;
  parent: OpenLoop | undefined;
}

export class Reading837 {
  readonly claims: ReadClaim[] = [];
  claim: ReadClaim | null = null;
  claimAt = 0;
  line: ReadLine | null = null;
  /** the open 2320 and 2430 */
  otherPayer: ReadOtherPayer | null = null;
  adjudication: ReadLineAdjudication | null = null;
  /** LX index per line, so claim-level checks can point at the line they fault */
  readonly lineAt = new Map<ReadLine, number>();
  /** 2010BB NM109 and 2010BA NM109, copied into each claim under them */
  payerId: string | null = null;
  memberId: string | null = null;
  /** PAT01 of the open 2000C, reset by each 2000B */
  relationship: string | null = null;
  /** file creation date, CCYYMMDD: no service date may follow it */
  bht04: string | null = null;
  /** by HL01, in file order */
  readonly hls = new Map<number, HlNode>();
  expectHl = 1;
  currentHl: HlNode | null = null;

  constructor(
    readonly segments: readonly (readonly string[])[],
    readonly component: string,
    readonly issues: Issues,
  ) {}

  error(at: At, message: string): void {
    this.issues.error(at.i, at.loop, message);
  }

  warning(at: At, message: string): void {
    this.issues.warning(at.i, at.loop, message);
  }
}

/** One segment's meaning: reads its elements into the claim and reports what a payer would reject. */
export type Handler = (s: readonly string[], at: At, r: Reading837) => void;
