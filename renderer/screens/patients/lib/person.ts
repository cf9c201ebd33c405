// A person and an address as the chart's forms hold them (text as typed), and the drafts the
// handlers check.
import type { Address, Sex, Subscriber } from '../../../../electron/domain/types.ts';
import type { Draft } from '../../../lib/contract.ts';
import { blankAsAbsent, textOrNull } from '../../../lib/forms/convert.ts';

export interface AddressForm {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

export function addressForm(a: Address | null | undefined): AddressForm {
  return { line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', state: a?.state ?? '', zip: a?.zip ?? '' };
}

/** all blank → no address; otherwise every part goes to the check (a missing city is named) */
export function addressOf(f: AddressForm): Draft<Address> | null {
  if (![f.line1, f.line2, f.city, f.state, f.zip].some((s) => s.trim())) return null;
  return { line1: f.line1.trim(), line2: textOrNull(f.line2), city: f.city.trim(), state: f.state.trim().toUpperCase(), zip: f.zip.trim() };
}

/** A person as typed: the patient, or the insured of a coverage. */
export interface PersonForm {
  firstName: string;
  middle: string;
  lastName: string;
  dob: string;
  sex: Sex | '';
  address: AddressForm;
}

export function personForm(p: Subscriber | null | undefined): PersonForm {
  return { firstName: p?.firstName ?? '', middle: p?.middle ?? '', lastName: p?.lastName ?? '', dob: p?.dob ?? '', sex: p?.sex ?? '', address: addressForm(p?.address) };
}

export function personOf(f: PersonForm): Draft<Subscriber> {
  return {
    firstName: f.firstName.trim(),
    middle: textOrNull(f.middle),
    lastName: f.lastName.trim(),
    dob: blankAsAbsent(f.dob),
    sex: blankAsAbsent(f.sex),
    address: addressOf(f.address),
  };
}
