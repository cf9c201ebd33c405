// The patient's choices the chart, visit and dispense forms offer.
import type { Caller, TherapyOption } from '../../../lib/contract.ts';
import type { Choice } from '../../../lib/forms/choices.ts';

/** the patient's therapies, and the one to preselect when there is only one (the usual case) */
export async function therapyChoices(api: Caller, patient: string): Promise<{ options: TherapyOption[]; only: string | null }> {
  const r = await api.call('therapies.forPatient', { patient });
  const options = r.ok ? r.value : [];
  return { options, only: options.length === 1 ? options[0]!.id : null };
}

/** a person's sex as the claim forms take it */
export const SEX_CHOICES: readonly Choice[] = [
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
  { value: 'U', label: 'Unknown' },
];
