// 2000B subscriber (SBR, 2010BA, 2010BB payer) and 2000C / 2010CA patient, for one
// subscriber + payer; the claims hang under 2000B when the patient is the subscriber, else 2000C.
import type { Coverage, Patient, Payer, Relationship, Subscriber } from '../../domain/types.ts';
import type { Problems } from './context.ts';
import { d8 } from './format.ts';
import { LEN } from './limits.ts';
import { seg, type Segment } from './segment.ts';

/** SBR01 from the coverage priority. */
export const RESPONSIBILITY: Readonly<Record<number, string>> = { 1: 'P', 2: 'S', 3: 'T' };
/** PAT01 (2000C) from the relationship of the patient to the subscriber. */
export const PAT01: Readonly<Record<Exclude<Relationship, 'self'>, string>> = { spouse: '01', child: '19', other: 'G8' };

/** SBR09 when the payer has no filing indicator: ZZ "mutually defined" rather than a guess. */
const UNKNOWN_FILING = 'ZZ';

/** SBR09 of a payer (2000B, and 2320 for an earlier payer). */
export function filingIndicator(payer: Payer): string {
  return (payer.filingIndicator ?? '').trim().toUpperCase() || UNKNOWN_FILING;
}

function dmg(person: { dob: string; sex: string }, field: string, p: Problems): Segment {
  let dob = '';
  try {
    dob = d8(person.dob);
  } catch {
    p.add(`${field}.dob`, `'${person.dob}' is not a real date`);
  }
  if (!['F', 'M', 'U'].includes(person.sex)) p.add(`${field}.sex`, `'${person.sex}' is not F, M or U`);
  return seg('DMG', 'D8', dob, person.sex);
}

export function personName(who: { lastName: string; firstName: string; middle?: string | null }, field: string, p: Problems): string[] {
  return [
    p.text(who.lastName, LEN.lastOrOrg, `${field}.lastName`),
    p.text(who.firstName, LEN.first, `${field}.firstName`, false),
    p.text(who.middle, LEN.middle, `${field}.middle`, false),
  ];
}

export interface SubscriberParty {
  patient: Patient;
  coverage: Coverage;
  payer: Payer;
  /** where the coverage sits, for messages: patients[P1].coverages[0] */
  field: string;
}

/** 2000B with 2010BA and 2010BB. `hasPatientLoop`: a 2000C follows (patient is not the subscriber). */
export function loop2000B(hl: number, party: SubscriberParty, p: Problems): Segment[] {
  const { patient, coverage, payer, field } = party;
  const self = coverage.relationship === 'self';
  const sbr01 = RESPONSIBILITY[coverage.priority];
  if (!sbr01) p.add(`${field}.priority`, `${coverage.priority} is not 1, 2 or 3`);
  const group = coverage.groupNumber ? p.id(coverage.groupNumber, LEN.reference, `${field}.groupNumber`) : '';
  const filing = filingIndicator(payer);
  const out: Segment[] = [
    seg('HL', String(hl), '1', '22', self ? '0' : '1'),
    seg('SBR', sbr01 ?? 'U', self ? '18' : '', group, '', '', '', '', '', filing),
  ];
  const subscriber: Subscriber | Patient | null = self ? patient : (coverage.subscriber ?? null);
  const who = self ? `patients[${patient.id}]` : `${field}.subscriber`;
  if (!subscriber) {
    p.add(`${field}.subscriber`, `is missing: the patient is the subscriber's ${coverage.relationship}`);
    out.push(seg('NM1', 'IL', '1', '?'));
  } else {
    out.push(
      seg('NM1', 'IL', '1', ...personName(subscriber, who, p), '', '', 'MI', p.id(coverage.memberId, LEN.idCode, `${field}.memberId`, 2)),
    );
    // The subscriber's address is situational; sent whenever known.
    if (subscriber.address) {
      const a = p.address(subscriber.address, `${who}.address`);
      out.push(seg('N3', ...a.n3), seg('N4', ...a.n4));
    }
    // DMG is required when the patient is the subscriber; a subscriber who is not the patient has none.
    if (self) out.push(dmg(subscriber, who, p));
  }
  out.push(
    seg(
      'NM1', 'PR', '2', p.text(payer.name, LEN.lastOrOrg, `payers[${payer.id}].name`), '', '', '', '', 'PI',
      p.id(payer.payerId, LEN.idCode, `payers[${payer.id}].payerId`, 2),
    ),
  );
  return out;
}

/** 2000C and 2010CA: the dependent patient (its address and DMG are required). */
export function loop2000C(hl: number, parent: number, party: SubscriberParty, p: Problems): Segment[] {
  const { patient, coverage, field } = party;
  const who = `patients[${patient.id}]`;
  const rel = coverage.relationship;
  const pat01 = rel === 'self' ? undefined : PAT01[rel];
  if (!pat01) p.add(`${field}.relationship`, `'${rel}' cannot be written in 2000C PAT01`);
  const a = p.address(patient.address, `${who}.address`);
  return [
    seg('HL', String(hl), String(parent), '23', '0'),
    seg('PAT', pat01 ?? 'G8'),
    seg('NM1', 'QC', '1', ...personName(patient, who, p)),
    seg('N3', ...a.n3),
    seg('N4', ...a.n4),
    dmg(patient, who, p),
  ];
}
