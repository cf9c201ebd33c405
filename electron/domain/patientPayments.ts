// Patient payments (R-CO-4 after the last payer): money a patient or guarantor pays on what the
// last payer left them, where it went (one application per claim), and its void. Shared by the
// store, the services and the contract. Money is integer cents.
import type { IsoDate, IsoDateTime } from './types.ts';

export const PAYMENT_METHODS = ['check', 'cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What a biller records. */
export interface PatientPaymentDraft {
  patient: string;
  cents: number;
  receivedOn: IsoDate;
  method: PaymentMethod;
  reference?: string | null;
  /** the claim the payment is for (any claim of its chain); absent: the oldest patient responsibility first */
  claim?: string | null;
}

/** One claim a payment paid: the claim whose patient responsibility it reduced. */
export interface PaymentApplication {
  claimId: string;
  cents: number;
}

/** A payment's application with what a statement prints about the payment. */
export interface AppliedPayment extends PaymentApplication {
  paymentId: number;
  receivedOn: IsoDate;
  method: PaymentMethod;
  reference: string | null;
}

export interface PaymentVoid {
  id: number;
  on: IsoDate;
  reason: string;
  at: IsoDateTime;
  by: string;
}

/** A recorded payment as the Receivables screen lists it. */
export interface PatientPayment {
  id: number;
  patient: string;
  cents: number;
  receivedOn: IsoDate;
  method: PaymentMethod;
  reference: string | null;
  /** the claim the biller named, or null (applied oldest first) */
  forClaim: string | null;
  applications: PaymentApplication[];
  at: IsoDateTime;
  by: string;
  /** null while it stands */
  voided: PaymentVoid | null;
}

/** After recording or voiding: the payment and what the patient still owes. */
export interface PatientPaymentResult {
  payment: PatientPayment;
  /** what the patient owes after the last payers, less their standing payments */
  owedCents: number;
}
