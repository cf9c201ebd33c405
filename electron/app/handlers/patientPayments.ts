// Patient payments (R-CO-4 after the last payer): thin calls into services/patientPayments.ts,
// each one transaction. Recording and voiding are audited events (security/requests.ts) besides
// the rows' own audit triggers (0016).
import { z } from 'zod';
import { PAYMENT_METHODS } from '../../domain/patientPayments.ts';
import { listPatientPayments, recordPatientPayment, voidPatientPayment, type Actor } from '../../services/patientPayments.ts';
import type { PatientPaymentsHandlers } from '../../contract/patientPayments.ts';
import type { HandlerContext } from '../context.ts';
import { date, id } from '../args.ts';
import { defineHandlers } from '../define.ts';

const actor = (ctx: HandlerContext): Actor => ({ now: ctx.now(), today: ctx.today(), by: ctx.user?.username ?? 'system' });

/** integer cents, more than nothing: the form turns the dollars typed into cents */
const cents = z.number({ error: 'is not an amount in dollars and cents' }).int('is not a whole number of cents').positive('must be more than $0.00');

export default defineHandlers<PatientPaymentsHandlers>({
  'patientPayments.record': {
    args: z.object({
      patient: id,
      cents,
      receivedOn: date,
      method: z.enum(PAYMENT_METHODS, { error: `is not one of ${PAYMENT_METHODS.join(', ')}` }),
      reference: z.string().trim().max(50, 'at most 50 characters').nullish(),
      // blank: no claim named (the oldest balance first)
      claim: z.string().trim().nullish(),
    }),
    run: (ctx, a) => recordPatientPayment(ctx.db, a, actor(ctx)),
  },
  'patientPayments.void': {
    args: z.object({ id: z.number().int(), reason: z.string().trim().min(1, 'say why the payment is voided') }),
    run: (ctx, a) => voidPatientPayment(ctx.db, a, actor(ctx)),
  },
  'patientPayments.list': {
    args: z.object({ patient: id.optional() }),
    run: (ctx, a) => listPatientPayments(ctx.db, a.patient),
  },
});
