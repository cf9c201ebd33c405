// Record lookups and the problem list shared by the loop functions. A loop never throws on bad
// data: it notes the problem (record + field) and writes a placeholder, so one pass reports all.
import type { Address, Nurse, Patient, Payer, Prescriber } from '../../domain/types.ts';
import type { X12Records } from './input.ts';
import { isValidNpi } from '../../domain/npi.ts';
import { isUspsState } from '../../domain/states.ts';
import { LEN } from './limits.ts';
import { idProblem, x12Text } from './text.ts';

export class Problems {
  readonly list: string[] = [];
  add(field: string, message: string): void {
    this.list.push(`${field}: ${message}`);
  }

  /** Free text: sanitized, upper case, cut to `max`; empty after that is a problem when required. */
  text(value: string | null | undefined, max: number, field: string, required = true, min = 1): string {
    const out = x12Text(value, max);
    if (out.length === 0) {
      if (required) this.add(field, value ? `'${value}' has nothing that can be sent in X12` : 'is missing');
    } else if (out.length < min) this.add(field, `'${out}' is shorter than ${min} characters`);
    return out;
  }

  /** An identifier sent exactly as stored (trimmed). */
  id(value: string | null | undefined, max: number, field: string, min = 1): string {
    const v = (value ?? '').trim();
    const problem = idProblem(v, max, min);
    if (problem) this.add(field, value == null || v === '' ? 'is missing' : problem);
    return v;
  }

  npi(value: string | null | undefined, field: string): string {
    const v = (value ?? '').trim();
    if (!isValidNpi(v)) this.add(field, v ? `'${v}' is not a valid NPI (10 digits, Luhn check digit)` : 'is missing');
    return v;
  }

  digits(value: string | null | undefined, lengths: readonly number[], field: string, what: string): string {
    const v = (value ?? '').replace(/[\s-]/g, '');
    if (!/^\d+$/.test(v) || !lengths.includes(v.length)) {
      this.add(field, value ? `'${value}' is not ${what}` : 'is missing');
    }
    return v;
  }

  /** N3 + N4 elements of an address; `zip9` for the billing provider (ZIP+4 required). */
  address(a: Address | null | undefined, field: string, zip9 = false): { n3: string[]; n4: string[] } {
    if (!a) {
      this.add(field, 'is missing');
      return { n3: ['?'], n4: ['?', '?', '?'] };
    }
    const line1 = this.text(a.line1, LEN.address, `${field}.line1`);
    const line2 = this.text(a.line2, LEN.address, `${field}.line2`, false);
    const city = this.text(a.city, LEN.city, `${field}.city`, true, 2);
    const state = (a.state ?? '').trim().toUpperCase();
    if (!isUspsState(state)) this.add(`${field}.state`, `'${a.state ?? ''}' is not a USPS state code`);
    const zip = zip9
      ? this.digits(a.zip, [9], `${field}.zip`, 'a 9-digit ZIP+4 (the billing provider needs all 9 digits)')
      : this.digits(a.zip, [5, 9], `${field}.zip`, 'a 5 or 9-digit ZIP code');
    return { n3: line2 ? [line1, line2] : [line1], n4: [city, state, zip] };
  }
}

/** The records by id, built once per file. */
export class Lookup {
  readonly patients: Map<string, Patient>;
  readonly payers: Map<string, Payer>;
  readonly prescribers: Map<string, Prescriber>;
  readonly nursesByNpi: Map<string, Nurse>;

  constructor(readonly records: X12Records) {
    this.patients = new Map(records.patients.map((p) => [p.id, p]));
    this.payers = new Map(records.payers.map((p) => [p.id, p]));
    this.prescribers = new Map(records.prescribers.map((p) => [p.id, p]));
    this.nursesByNpi = new Map();
    for (const n of records.nurses) if (n.npi) this.nursesByNpi.set(n.npi.trim(), n);
  }
}
