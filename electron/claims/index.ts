// The claim engine's public surface.
export { buildClaims, buildReplacement } from './buildClaims.ts';
export { initialVisitCodes } from './rules/nursingMedicare.ts';
export type { BuildOptions, BuildRange, ExportedFact, ExportedFacts } from './types.ts';
export { factHash } from './facts/fact.ts';
export { exportGate, type ExportDecision } from './rules/exportGate.ts';
export { correctionOf } from './rules/frequency.ts';
