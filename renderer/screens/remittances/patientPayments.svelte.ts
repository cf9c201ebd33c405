// A patient's payments on the Receivables screen (R-CO-4 after the last payer): record one (the
// amount typed in dollars, sent in cents; the handler checks every field and refuses more than
// the patient owes, naming the amount), list them, void one with a reason.
import type { Caller, PatientPayment, PaymentMethod } from '../../lib/contract.ts';
import { blankAsAbsent, dollarsToCents, textOrNull } from '../../lib/forms/convert.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import { capitalized, money } from '../../lib/format.ts';
import { PAYMENT_METHODS } from '../../../electron/domain/patientPayments.ts';

export interface PaymentFields {
  amount: string;
  receivedOn: string;
  method: PaymentMethod;
  reference: string;
  /** blank: the oldest balance first */
  claim: string;
}

/** the methods the handler takes, from the one list it checks by */
export const METHOD_CHOICES: { value: PaymentMethod; label: string }[] = PAYMENT_METHODS.map((value) => ({ value, label: capitalized(value) }));

export class PatientPaymentsState extends FormState<PaymentFields> {
  payments = $state<PatientPayment[]>([]);
  message = $state<string | null>(null);
  /** the payment whose void waits for its reason */
  voiding = $state<PatientPayment | null>(null);
  voidReason = $state('');
  voidError = $state<string | null>(null);

  constructor(
    api: Caller,
    readonly patient: string,
    private readonly today: string,
    /** after a payment or a void: the screen reloads its balances */
    private readonly changed: () => Promise<void> | void = () => {},
  ) {
    super(api, { amount: '', receivedOn: today, method: 'check', reference: '', claim: '' });
  }

  async load(): Promise<void> {
    const r = await this.api.call('patientPayments.list', { patient: this.patient });
    if (r.ok) this.payments = r.value;
    else this.error = r.error.message;
  }

  async record(): Promise<boolean> {
    this.message = null;
    const f = this.f;
    const r = await this.submit(() => this.api.submit('patientPayments.record', {
      patient: this.patient, cents: dollarsToCents(f.amount), receivedOn: blankAsAbsent(f.receivedOn), method: f.method,
      reference: textOrNull(f.reference), claim: textOrNull(f.claim),
    }), null);
    if (!r) return false;
    const where = r.payment.applications.map((a) => `${money(a.cents)} to claim ${a.claimId}`).join(', ');
    this.message = `${money(r.payment.cents)} recorded (${where}); the patient now owes ${money(r.owedCents)}.`;
    this.f = { amount: '', receivedOn: this.today, method: 'check', reference: '', claim: '' };
    await Promise.all([this.load(), this.changed()]);
    return true;
  }

  startVoid(p: PatientPayment): void {
    this.voiding = p;
    this.voidReason = '';
    this.voidError = null;
  }

  async confirmVoid(): Promise<boolean> {
    const p = this.voiding;
    if (!p) return false;
    const r = await this.api.call('patientPayments.void', { id: p.id, reason: this.voidReason });
    if (!r.ok) {
      this.voidError = r.error.fields?.reason ?? r.error.message;
      return false;
    }
    this.voiding = null;
    this.message = `The ${money(p.cents)} payment of ${p.receivedOn} is voided; the patient now owes ${money(r.value.owedCents)}.`;
    await Promise.all([this.load(), this.changed()]);
    return true;
  }
}
