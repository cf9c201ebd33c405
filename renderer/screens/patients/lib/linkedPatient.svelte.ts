// A screen opened from a chart (`#/dispenses?patient=P1001`) starts on that patient. Only a
// change of the address picks the patient, so choosing another one on the screen sticks.
import { router } from '../../../lib/state/router.svelte.ts';
import type { Caller } from '../../../lib/contract.ts';

export interface PatientRef {
  id: string;
  /** "Last, First" */
  name: string;
}

/** Call during a component's setup: `open` runs for each patient the address names. */
export function followLinkedPatient(api: Caller, open: (patient: PatientRef) => Promise<void>): void {
  let linked: string | undefined;
  $effect(() => {
    const id = router.params.patient;
    if (id === linked) return;
    linked = id;
    if (id) void openPatient(api, id, open);
  });
}

async function openPatient(api: Caller, id: string, open: (patient: PatientRef) => Promise<void>): Promise<void> {
  const r = await api.call('patients.chart', { id });
  if (r.ok) await open({ id, name: `${r.value.patient.lastName}, ${r.value.patient.firstName}` });
}
