// A claim's place in its payer order (issue 13, R-CO-1): the claim it follows, the claims that
// follow it, and what became of the next payer each time a payer answered (drafted, nothing due
// and why, held or voided after a reversal). Shared by the store, the services and the contract.
import type { ClaimStatus } from './claims.ts';

export type FollowupKind = 'drafted' | 'none' | 'hold' | 'void';

export interface ClaimFollowup {
  id: number;
  /** the claim whose payer answered (or took its payment back) */
  claimId: string;
  at: string;
  kind: FollowupKind;
  /** the claim drafted, held or voided; for `none`, a claim already billed to the next payer, if any */
  followerId: string | null;
  message: string;
}

export type FollowUpResult = Omit<ClaimFollowup, 'id' | 'at'>;

export interface ChainClaim {
  id: string;
  payer: string;
  payerName: string;
  priority: 1 | 2 | 3;
  status: ClaimStatus;
  totalCents: number;
}

export interface ClaimChain {
  claim: string;
  /** the claim this one follows (the earlier payer's), when it is a secondary or tertiary */
  primary: ChainClaim | null;
  /** the claims drafted after this one (each later payer's), in payer order */
  followers: ChainClaim[];
  /** what posting, reversals and the biller did about the next payer, oldest first */
  followups: ClaimFollowup[];
}

/** A month's patient statements, printed as one PDF. */
export interface StatementSummary {
  patient: string;
  name: string;
  owedCents: number;
}
