// New patient and demographics: the form as typed, turned into a Patient for the handlers, which
// check it with the import's rules and name each wrong field.
import type { Coverage, Patient } from '../../../electron/domain/types.ts';
import { personForm, personOf, textOrNull, type PersonForm } from './lib/forms.ts';
import type { Caller } from './lib/caller.ts';
import { FormState } from './lib/formState.svelte.ts';

export interface PatientFields extends PersonForm {
  id: string;
  phone: string;
}

export function patientFields(p: Patient | null): PatientFields {
  return { id: p?.id ?? '', ...personForm(p), phone: p?.phone ?? '' };
}

export function patientOf(f: PatientFields, coverages: Coverage[]): Patient {
  return { id: f.id.trim(), ...personOf(f), phone: textOrNull(f.phone), coverages };
}

export class PatientForm extends FormState<PatientFields> {
  constructor(
    api: Caller,
    /** the stored patient being edited; null for a new one */
    readonly original: Patient | null,
    /** the chart's version of the patient: a save over someone's newer change is refused */
    private readonly version?: number,
  ) {
    super(api, patientFields(original));
  }

  get isNew(): boolean {
    return this.original === null;
  }

  save(): Promise<Patient | null> {
    const record = patientOf(this.f, this.original?.coverages ?? []);
    if (this.isNew) return this.submit(() => this.api.call('patients.create', record));
    return this.submit(() => this.api.call('patients.update', { ...record, ...(this.version !== undefined ? { version: this.version } : {}) }));
  }
}
