// Secondary and tertiary claims (issue 13): the pure core the store, handlers and screens call.
// See docs/secondary-claims.md.
export { adjudicationOf, standingPayment } from './adjudication.ts';
export { applyPatientPayment, owedCents } from './applyPayment.ts';
export { assertSecondaryBalances, secondaryBalanceProblems, UnbalancedSecondary } from './balance.ts';
export { draftSecondary, secondaryClaimId, type DraftSecondaryInput, type DraftSecondaryResult } from './draftSecondary.ts';
export { coverageActive, nextCoverage } from './nextCoverage.ts';
export { deniedLine, openToNextPayer } from './openAmount.ts';
export { draftOwnCodesSecondary, type OwnCodesInput, type OwnCodesResult } from './ownCodesSecondary.ts';
export { patientShares, type PatientShare, type PatientShareInput, type ShareState } from './patientShare.ts';
export { addRemittancePages, remittanceText } from './remittancePages.ts';
export { followersOfReversal, type FollowerAction, type ReversalFollowersInput } from './reversal.ts';
export { statements, type Aging, type Statement, type StatementRow } from './statement.ts';
export { renderStatements, statementText } from './statementPdf.ts';
