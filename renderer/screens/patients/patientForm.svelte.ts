// New patient and demographics: the form as typed, turned into a Patient for the handlers, which
// check it with the import's rules and name each wrong field.
import type { Coverage, Patient, Sex } from '../../../electron/domain/types.ts';
import { addressForm, addressOf, required, textOrNull, type AddressForm } from './lib/forms.ts';
import type { Caller } from './lib/caller.ts';
import { FormState } from './lib/formState.svelte.ts';

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

export class PatientForm extends FormState<PatientFields> {
  constructor(
    api: Caller,
    /** the stored patient being edited; null for a new one */
    readonly original: Patient | null,
  ) {
    super(api, patientFields(original));
  }

  get isNew(): boolean {
    return this.original === null;
  }

  save(): Promise<Patient | null> {
    const record = patientOf(this.f, this.original?.coverages ?? []);
    return this.submit(() => this.api.call(this.isNew ? 'patients.create' : 'patients.update', record));
  }
}
