// One coverage of a patient: payer, priority, member id, group, relationship, the dates it is
// active (R-CO-1) and, when the patient is not the insured, the subscriber.
import type { Coverage, Patient, Relationship } from '../../../electron/domain/types.ts';
import { blankAsAbsent, textOrNull } from '../../lib/forms/convert.ts';
import { personForm, personOf, type PersonForm } from './lib/person.ts';
import type { Caller, Draft } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';

export interface CoverageFields {
  payer: string;
  priority: string;
  memberId: string;
  groupNumber: string;
  relationship: Relationship;
  /** the insured, when the patient is not */
  subscriber: PersonForm;
  /** R-CO-1: the dates the coverage is active ('' = open) */
  from: string;
  to: string;
}

export function coverageFields(c: Coverage | null, nextPriority = 1): CoverageFields {
  return {
    payer: c?.payer ?? '',
    priority: String(c?.priority ?? nextPriority),
    memberId: c?.memberId ?? '',
    groupNumber: c?.groupNumber ?? '',
    relationship: c?.relationship ?? 'self',
    subscriber: personForm(c?.subscriber),
    from: c?.from ?? '',
    to: c?.to ?? '',
  };
}

export function coverageOf(f: CoverageFields): Draft<Coverage> {
  return {
    payer: blankAsAbsent(f.payer),
    priority: Number(f.priority),
    memberId: f.memberId.trim(),
    groupNumber: textOrNull(f.groupNumber),
    relationship: f.relationship,
    subscriber: f.relationship === 'self' ? null : personOf(f.subscriber),
    // open dates are left out, as the store gives them back
    ...(f.from.trim() ? { from: f.from.trim() } : {}),
    ...(f.to.trim() ? { to: f.to.trim() } : {}),
  };
}

/** the first of priorities 1–3 the patient's coverages leave free */
function nextPriority(patient: Patient): number {
  const used = new Set(patient.coverages.map((c) => c.priority));
  return [1, 2, 3].find((p) => !used.has(p as 1 | 2 | 3)) ?? 1;
}

export class CoverageForm extends FormState<CoverageFields> {
  constructor(
    api: Caller,
    readonly patient: Patient,
    /** index of the coverage being edited; null for a new one */
    readonly index: number | null,
    /** the chart's version of the patient: a save over someone's newer change is refused */
    private readonly version?: number,
  ) {
    super(api, coverageFields(index === null ? null : (patient.coverages[index] ?? null), nextPriority(patient)));
  }

  save(): Promise<Patient | null> {
    return this.submit(() => this.api.submit('patients.saveCoverage', { patient: this.patient.id, index: this.index, coverage: coverageOf(this.f), ...(this.version !== undefined ? { version: this.version } : {}) }));
  }
}
