// New patient and demographics: the form as typed, turned into a Patient for the handlers, which
// check it with the import's rules and name each wrong field.
import type { Coverage, Patient } from '../../../electron/domain/types.ts';
import { textOrNull } from '../../lib/forms/convert.ts';
import { personForm, personOf, type PersonForm } from './lib/person.ts';
import type { Caller, Draft } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';

export interface PatientFields extends PersonForm {
  id: string;
  phone: string;
}

export function patientFields(p: Patient | null): PatientFields {
  return { id: p?.id ?? '', ...personForm(p), phone: p?.phone ?? '' };
}

export function patientOf(f: PatientFields, coverages: Coverage[]): Draft<Patient> {
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
    if (this.isNew) return this.submit(() => this.api.submit('patients.create', record));
    return this.submit(() => this.api.submit('patients.update', { ...record, ...(this.version !== undefined ? { version: this.version } : {}) }));
  }
}
