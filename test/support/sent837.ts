// What the test payer needs from an 837P we wrote, read with the receive tokenizer (not the 837
// reader, which checks our own files): envelope numbers, submitter, billing provider, and per
// claim its id, charge, patient and lines (code, modifiers, charge, units, dates, REF*6R).
import { readEnvelopes } from '../../electron/receive/envelope.ts';
import { components, el, tokenize } from '../../electron/receive/tokens.ts';
import { cents, period, required } from '../../electron/receive/values.ts';

export interface SentLine {
  n: number;
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  from: string;
  to: string;
  control: string | null;
}

export interface SentClaim {
  id: string;
  chargeCents: number;
  frequency: string;
  patient: { lastName: string; firstName: string; memberId: string };
  lines: SentLine[];
}

export interface Sent837 {
  interchange: string;
  sender: string;
  receiver: string;
  group: string;
  transaction: string;
  reference: string;
  submitterId: string;
  provider: { name: string; npi: string };
  claims: SentClaim[];
}

export function readSent837(text: string): Sent837 {
  const [ix] = readEnvelopes(tokenize(text));
  const group = ix!.groups[0]!;
  const set = group.sets[0]!;
  const out: Sent837 = {
    interchange: ix!.control, sender: ix!.sender, receiver: ix!.receiver, group: group.control, transaction: set.control,
    reference: '', submitterId: '', provider: { name: '', npi: '' }, claims: [],
  };
  let patient = { lastName: '', firstName: '', memberId: '' };
  let claim: SentClaim | null = null;
  let line: SentLine | null = null;
  for (const s of set.body) {
    if (s.id === 'BHT') out.reference = el(s, 3);
    else if (s.id === 'NM1' && el(s, 1) === '41') out.submitterId = el(s, 9);
    else if (s.id === 'NM1' && el(s, 1) === '85') out.provider = { name: el(s, 3), npi: el(s, 9) };
    else if (s.id === 'NM1' && el(s, 1) === 'IL') patient = { lastName: el(s, 3), firstName: el(s, 4), memberId: el(s, 9) };
    else if (s.id === 'NM1' && el(s, 1) === 'QC') patient = { ...patient, lastName: el(s, 3), firstName: el(s, 4) };
    else if (s.id === 'CLM') {
      claim = { id: required(s, 1, 'claim id'), chargeCents: cents(s, 2, 'charge'), frequency: components(s, 5)[2] ?? '1', patient, lines: [] };
      line = null;
      out.claims.push(claim);
    } else if (s.id === 'SV1' && claim) {
      const [, code = '', ...modifiers] = components(s, 1);
      line = { n: claim.lines.length + 1, code, modifiers, chargeCents: cents(s, 2, 'line charge'), units: Number(el(s, 4)), from: '', to: '', control: null };
      claim.lines.push(line);
    } else if (s.id === 'DTP' && el(s, 1) === '472' && line) Object.assign(line, period(s, 2, 'service date'));
    else if (s.id === 'REF' && el(s, 1) === '6R' && line) line.control = el(s, 2);
  }
  return out;
}
