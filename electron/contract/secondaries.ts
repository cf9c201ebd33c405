// Secondary and tertiary claims (issue 13): a claim's payer order, billing the next payer by hand,
// and the month's patient statements (R-CO-4). Shapes: domain/followups.ts.
import type { ClaimChain, FollowUpResult, StatementSummary } from '../domain/followups.ts';
import type { FilePayload } from './result.ts';

export type * from '../domain/followups.ts';

export type SecondariesHandlers = {
  /** the claim it follows, the claims that follow it, and what became of the next payer each time */
  'claims.chain': (args: { claim: string }) => ClaimChain;
  /** R-CO-1 by hand ("send to next payer"): the next coverage's claim drafted, or a message saying why none is due */
  'claims.sendToNextPayer': (args: { claim: string }) => FollowUpResult;
  /** R-CO-4: the month's statements (services in YYYY-MM) as one PDF, every patient who owes or one */
  'statements.print': (args: { month: string; patient?: string | null }) => { file: FilePayload; statements: StatementSummary[] };
};
