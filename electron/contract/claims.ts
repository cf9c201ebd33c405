import type { BuildResult } from '../domain/claims.ts';
import type { IsoDate } from '../domain/types.ts';

/** The claims as the engine states them: the public `build --json` shape (interfaces.md). */
export type ClaimsHandlers = {
  /** builds (or rebuilds) the draft claims of the range and returns every claim and finding of it */
  'claims.build': (args: { from: IsoDate; to: IsoDate; payer?: string | null }) => BuildResult;
};
