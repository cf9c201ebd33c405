// A therapy as the office types it (billing-rules §1): schedule, holds, dose overrides, prior
// authorizations with units per code, drugs with doses. Lists grow and shrink in place; the
// handlers check the whole therapy with the import's rules.
import type { Measure, Route, Schedule, Therapy } from '../../../electron/domain/types.ts';
import { blankAsAbsent, numberOrRaw, numberText, textOrNull } from '../../lib/forms/convert.ts';
import type { Caller, Draft } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';

export type ScheduleKind = 'everyHours' | 'everyDays' | 'weekly' | 'monthly' | 'continuous';

export interface HoldRow {
  from: string;
  to: string;
  reason: string;
}
export interface DoseRow {
  date: string;
  given: boolean;
}
export interface AuthRow {
  number: string;
  from: string;
  to: string;
  units: { code: string; units: string }[];
}
export interface DrugRow {
  ndc: string;
  amount: string;
  unit: Measure | '';
}

export interface TherapyFields {
  id: string;
  patient: string;
  payer: string;
  category: string;
  route: Route | '';
  selfAdministered: boolean;
  perDiemCode: string;
  scheduleKind: ScheduleKind;
  scheduleEvery: string;
  litersPerDay: string;
  mode: string;
  lumen: string;
  start: string;
  stop: string;
  diagnoses: string;
  prescriber: string;
  holds: HoldRow[];
  doses: DoseRow[];
  priorAuths: AuthRow[];
  drugs: DrugRow[];
}

function scheduleFields(s: Schedule | undefined): [ScheduleKind, string] {
  if (!s) return ['everyHours', '24'];
  if ('everyHours' in s) return ['everyHours', String(s.everyHours)];
  if ('everyDays' in s) return ['everyDays', String(s.everyDays)];
  if ('weekly' in s) return ['weekly', ''];
  if ('monthly' in s) return ['monthly', ''];
  return ['continuous', ''];
}

export function therapyFields(t: Therapy | null, patient: string, defaults: { payer?: string; today?: string } = {}): TherapyFields {
  const [scheduleKind, scheduleEvery] = scheduleFields(t?.schedule);
  return {
    id: t?.id ?? '',
    patient: t?.patient ?? patient,
    payer: t?.payer ?? defaults.payer ?? '',
    category: t?.category ?? '',
    route: t?.route ?? 'IV',
    selfAdministered: t?.selfAdministered ?? false,
    perDiemCode: t?.perDiemCode ?? '',
    scheduleKind,
    scheduleEvery,
    litersPerDay: numberText(t?.qualifier?.litersPerDay),
    mode: t?.qualifier?.mode ?? '',
    lumen: t?.qualifier?.lumen ?? '',
    start: t?.start ?? defaults.today ?? '',
    stop: t?.stop ?? '',
    diagnoses: (t?.diagnoses ?? []).join(', '),
    prescriber: t?.prescriber ?? '',
    holds: (t?.holds ?? []).map((h) => ({ from: h.from, to: h.to ?? '', reason: h.reason ?? '' })),
    doses: (t?.doses ?? []).map((d) => ({ date: d.date, given: d.given })),
    priorAuths: (t?.priorAuths ?? []).map((a) => ({
      number: a.number,
      from: a.from,
      to: a.to ?? '',
      units: Object.entries(a.units ?? {}).map(([code, units]) => ({ code, units: String(units) })),
    })),
    drugs: (t?.drugs ?? []).map((d) => ({ ndc: d.ndc, amount: String(d.dose.amount), unit: d.dose.unit })),
  };
}

export function scheduleOf(kind: ScheduleKind, every: string): Draft<Schedule> {
  switch (kind) {
    case 'everyHours':
      return { everyHours: numberOrRaw(every) };
    case 'everyDays':
      return { everyDays: numberOrRaw(every) };
    case 'weekly':
      return { weekly: true };
    case 'monthly':
      return { monthly: true };
    default:
      return { continuous: true };
  }
}

/** "L03.115, E86.0" or one per line → codes, upper case */
export function diagnosesOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

export function therapyOf(f: TherapyFields): Draft<Therapy> {
  const hasQualifier = [f.litersPerDay, f.mode, f.lumen].some((s) => s.trim());
  return {
    id: f.id.trim(),
    patient: f.patient,
    payer: blankAsAbsent(f.payer),
    category: blankAsAbsent(f.category),
    qualifier: hasQualifier ? { litersPerDay: numberOrRaw(f.litersPerDay) ?? null, mode: textOrNull(f.mode), lumen: textOrNull(f.lumen) } : null,
    route: blankAsAbsent(f.route),
    selfAdministered: f.selfAdministered,
    perDiemCode: textOrNull(f.perDiemCode.toUpperCase()),
    schedule: scheduleOf(f.scheduleKind, f.scheduleEvery),
    start: blankAsAbsent(f.start),
    stop: textOrNull(f.stop),
    holds: f.holds.map((h) => ({ from: blankAsAbsent(h.from), to: textOrNull(h.to), reason: textOrNull(h.reason) })),
    doses: f.doses.map((d) => ({ date: blankAsAbsent(d.date), given: d.given })),
    diagnoses: diagnosesOf(f.diagnoses),
    prescriber: blankAsAbsent(f.prescriber),
    priorAuths: f.priorAuths.map((a) => {
      const rows = a.units.filter((u) => u.code.trim() || u.units.trim());
      return {
        number: a.number.trim(),
        from: blankAsAbsent(a.from),
        to: textOrNull(a.to),
        units: rows.length ? Object.fromEntries(rows.map((u) => [u.code.trim().toUpperCase(), numberOrRaw(u.units)])) : null,
      };
    }),
    drugs: f.drugs.map((d) => ({ ndc: blankAsAbsent(d.ndc.trim()), dose: { amount: numberOrRaw(d.amount), unit: blankAsAbsent(d.unit) } })),
  };
}

export class TherapyForm extends FormState<TherapyFields> {
  readonly isNew: boolean;

  constructor(
    api: Caller,
    original: Therapy | null,
    patient: string,
    defaults: { payer?: string; today?: string } = {},
    /** the chart's version of the therapy: a save over someone's newer change is refused */
    private readonly version?: number,
  ) {
    super(api, therapyFields(original, patient, defaults));
    this.isNew = original === null;
  }

  /** whether the schedule needs a number (every N hours / days) */
  get needsEvery(): boolean {
    return this.f.scheduleKind === 'everyHours' || this.f.scheduleKind === 'everyDays';
  }

  /** problems of a list row (`holds[1].to`, …) shown under that row */
  rowProblems(list: string, i: number): string[] {
    const prefix = `${list}[${i}]`;
    return Object.entries(this.problems)
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .map(([k, v]) => `${k.slice(prefix.length + 1) || 'row'}: ${v}`);
  }

  /** problems for the diagnoses field: `diagnoses` or `diagnoses[i]` */
  get diagnosisProblems(): string | null {
    const list = Object.entries(this.problems)
      .filter(([k]) => k === 'diagnoses' || k.startsWith('diagnoses['))
      .map(([, v]) => v);
    return list.length ? list.join('; ') : null;
  }

  addHold(): void {
    this.f.holds.push({ from: '', to: '', reason: '' });
  }
  addDose(): void {
    this.f.doses.push({ date: '', given: false });
  }
  addAuth(): void {
    this.f.priorAuths.push({ number: '', from: this.f.start, to: this.f.stop, units: [{ code: '', units: '' }] });
  }
  addAuthUnit(i: number): void {
    this.f.priorAuths[i]?.units.push({ code: '', units: '' });
  }
  addDrug(): void {
    this.f.drugs.push({ ndc: '', amount: '', unit: 'mg' });
  }
  /** removes row i of a list; problems of later rows would point at the wrong row, so they go */
  remove(list: 'holds' | 'doses' | 'priorAuths' | 'drugs', i: number): void {
    this.f[list].splice(i, 1);
    for (const k of Object.keys(this.problems)) if (k.startsWith(`${list}[`)) delete this.problems[k];
  }

  save(): Promise<Therapy | null> {
    const record = therapyOf(this.f);
    if (this.isNew) return this.submit(() => this.api.submit('therapies.create', record));
    return this.submit(() => this.api.submit('therapies.update', { ...record, ...(this.version !== undefined ? { version: this.version } : {}) }));
  }
}
