// New patient and demographics: the form as typed, turned into a Patient for the handlers, which
// check it with the import's rules and name each wrong field.
import type { Coverage, Patient, Sex } from '../../../electron/domain/types.ts';
import { addressForm, addressOf, required, textOrNull, type AddressForm, type Problems } from './lib/forms.ts';
import type { Caller } from './lib/caller.ts';

export interface PatientFields {
  id: string;
  firstName: string;
  middle: string;
  lastName: string;
  dob: string;
  sex: Sex | '';
  phone: string;
  address: AddressForm;
}

export function patientFields(p: Patient | null): PatientFields {
  return {
    id: p?.id ?? '',
    firstName: p?.firstName ?? '',
    middle: p?.middle ?? '',
    lastName: p?.lastName ?? '',
    dob: p?.dob ?? '',
    sex: p?.sex ?? '',
    phone: p?.phone ?? '',
    address: addressForm(p?.address),
  };
}

export function patientOf(f: PatientFields, coverages: Coverage[]): Patient {
  return {
    id: f.id.trim(),
    firstName: f.firstName.trim(),
    middle: textOrNull(f.middle),
    lastName: f.lastName.trim(),
    dob: required(f.dob),
    sex: required(f.sex),
    phone: textOrNull(f.phone),
    address: addressOf(f.address),
    coverages,
  };
}

export class PatientForm {
  f = $state<PatientFields>(patientFields(null));
  problems = $state<Problems>({});
  error = $state<string | null>(null);
  saving = $state(false);
  /** the stored patient being edited; null for a new one */
  readonly original: Patient | null;

  constructor(
    private readonly api: Caller,
    original: Patient | null,
  ) {
    this.original = original;
    this.f = patientFields(original);
  }

  get isNew(): boolean {
    return this.original === null;
  }

  touch(field: string): void {
    delete this.problems[field];
  }

  async save(): Promise<Patient | null> {
    this.saving = true;
    this.error = null;
    const record = patientOf(this.f, this.original?.coverages ?? []);
    const r = this.isNew ? await this.api.call('patients.create', record) : await this.api.call('patients.update', record);
    this.saving = false;
    if (r.ok) {
      this.problems = {};
      return r.value;
    }
    this.problems = { ...(r.error.fields ?? {}) };
    this.error = r.error.fields ? 'Not saved. Please correct the fields marked below.' : r.error.message;
    return null;
  }
}
