// Small pieces the chart's pickers share: moving a highlight through a list, and a patient's
// therapies for the visit and dispense forms.
import type { TherapyOption } from '../../../../electron/contract/therapies.ts';
import type { Caller } from './caller.ts';

/** the highlighted index after moving `delta` rows in a list of `n` (none highlighted: -1) */
export function moveIndex(active: number, delta: number, n: number): number {
  if (n === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : n - 1;
  return Math.min(n - 1, Math.max(0, active + delta));
}

/** the patient's therapies, and the one to preselect when there is only one (the usual case) */
export async function therapyChoices(api: Caller, patient: string): Promise<{ options: TherapyOption[]; only: string | null }> {
  const r = await api.call('therapies.forPatient', { patient });
  const options = r.ok ? r.value : [];
  return { options, only: options.length === 1 ? options[0]!.id : null };
}

/** a select's choices: value and the text shown */
export interface Choice {
  value: unknown;
  label: string;
}

/** a person's sex as the claim forms take it */
export const SEX_CHOICES: readonly Choice[] = [
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
  { value: 'U', label: 'Unknown' },
];

/** records with an id and a name or label, as choices */
export function choicesOf(list: readonly { id: string; name?: string; label?: string }[] | undefined): Choice[] {
  return (list ?? []).map((x) => ({ value: x.id, label: x.name ?? x.label ?? x.id }));
}
