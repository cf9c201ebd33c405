// Patient payments (R-CO-4 after the last payer): record what a patient or guarantor paid, void a
// payment, list them. Shapes: domain/patientPayments.ts.
import type { PatientPayment, PatientPaymentDraft, PatientPaymentResult } from '../domain/patientPayments.ts';

export type * from '../domain/patientPayments.ts';

export type PatientPaymentsHandlers = {
  /** applied to the named claim's chain, else to the oldest date of service first; more than is owed is refused naming the amount */
  'patientPayments.record': (args: PatientPaymentDraft) => PatientPaymentResult;
  /** a reversal of its own with a reason (never a delete): every balance is what it was before the payment */
  'patientPayments.void': (args: { id: number; reason: string }) => PatientPaymentResult;
  /** one patient's payments (or everyone's), newest received first, voided ones with their void */
  'patientPayments.list': (args: { patient?: string }) => PatientPayment[];
};
