// The nurse visit form: fields as typed, a live preview of what the visit bills (asked of the
// handlers after a pause, so the times are checked by the same rules as a save), save and sign.
import type { Caller, Draft, TherapyOption, VisitDraft, VisitPreview, VisitRow } from '../../lib/contract.ts';
import type { Visit } from '../../../electron/domain/types.ts';
import { Debouncer, Latest, realTimers, type Timers } from '../../lib/debounce.ts';
import { addDays } from '../../lib/format.ts';
import { blankAsAbsent } from '../../lib/forms/convert.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import type { Problems } from '../../lib/forms/problems.ts';
import { therapyChoices } from '../patients/lib/choices.ts';
import { normalizeTime } from './time.ts';

export interface VisitFields {
  /** blank for a new visit */
  id: string;
  patient: string;
  patientName: string;
  therapy: string;
  nurse: string;
  date: string;
  arrival: string;
  departure: string;
  /** the visit crosses midnight: departureDate applies */
  overnight: boolean;
  departureDate: string;
  signed: boolean;
  notes: string;
}

/** the fields R-NV-2 judges; their problems show while typing */
export const TIME_FIELDS = ['date', 'arrival', 'departure', 'departureDate'] as const;

export function blankVisit(today: string): VisitFields {
  return { id: '', patient: '', patientName: '', therapy: '', nurse: '', date: today, arrival: '', departure: '', overnight: false, departureDate: '', signed: false, notes: '' };
}

export function draftOf(f: VisitFields): Draft<VisitDraft> {
  return {
    id: f.id || null,
    patient: blankAsAbsent(f.patient),
    therapy: blankAsAbsent(f.therapy),
    nurse: blankAsAbsent(f.nurse),
    date: blankAsAbsent(f.date),
    arrival: blankAsAbsent(normalizeTime(f.arrival)),
    departure: blankAsAbsent(normalizeTime(f.departure)),
    departureDate: f.overnight ? f.departureDate || null : null,
    signed: f.signed,
    notes: f.notes.trim() || null,
  };
}

/** `problems` are the last save's (all fields); `marked` adds the preview's while typing */
export class VisitForm extends FormState<VisitFields> {
  preview = $state<VisitPreview | null>(null);
  therapies = $state<TherapyOption[]>([]);
  message = $state<string | null>(null);

  /** a nurse records only her own visits: her nurse record, kept through every new visit */
  private ownNurse = '';
  /** the version of the visit being edited (its row's): a save over someone's newer change is refused */
  private version: number | undefined;
  private readonly debounce: Debouncer;
  private readonly latest = new Latest();
  private today: string;

  constructor(api: Caller, opts: { today?: string; delayMs?: number; timers?: Timers } = {}) {
    super(api, blankVisit(opts.today ?? ''));
    this.today = opts.today ?? '';
    this.debounce = new Debouncer(opts.delayMs ?? 150, opts.timers ?? realTimers);
  }

  /** a signed-in nurse: the form is always hers (the handlers refuse any other nurse anyway) */
  fixNurse(nurseId: string): void {
    this.ownNurse = nurseId;
    if (!this.f.id) this.f.nurse = nurseId;
  }

  private blank(): VisitFields {
    return { ...blankVisit(this.today), nurse: this.ownNurse };
  }

  setToday(today: string): void {
    if (!this.f.date || this.f.date === this.today) this.f.date = today;
    this.today = today;
  }

  /** the preview's time problems while typing; after a failed save, every field's */
  get marked(): Problems {
    const live: Problems = {};
    for (const k of TIME_FIELDS) {
      const p = this.preview?.problems[k];
      if (p) live[k] = p;
    }
    return { ...this.problems, ...live };
  }

  /** arrival and departure are both there: the preview can judge them */
  get timesEntered(): boolean {
    return this.f.arrival.trim() !== '' && this.f.departure.trim() !== '' && this.f.date !== '';
  }

  /** a departure before the arrival on the same day usually means the visit crossed midnight */
  get suggestOvernight(): boolean {
    return !this.f.overnight && 'departure' in (this.preview?.problems ?? {});
  }

  set<K extends keyof VisitFields>(key: K, value: VisitFields[K]): void {
    this.f[key] = value;
    this.touch(key);
    this.message = null;
    if (key === 'date' && this.f.overnight) this.f.departureDate = addDays(this.f.date, 1);
    this.schedulePreview();
  }

  async choosePatient(id: string, name: string): Promise<void> {
    this.f.patient = id;
    this.f.patientName = name;
    this.f.therapy = '';
    this.touch('patient');
    this.therapies = [];
    if (!id) return;
    const { options, only } = await therapyChoices(this.api, id);
    if (this.f.patient !== id) return;
    this.therapies = options;
    if (only) this.f.therapy = only;
    this.schedulePreview();
  }

  setOvernight(on: boolean): void {
    this.f.overnight = on;
    this.f.departureDate = on ? addDays(this.f.date, 1) : '';
    this.schedulePreview();
  }

  /** on leaving a time field: show "930" as "09:30" */
  tidyTime(key: 'arrival' | 'departure'): void {
    const t = normalizeTime(this.f[key]);
    if (t !== this.f[key]) this.f[key] = t;
  }

  schedulePreview(): void {
    if (!this.timesEntered || !this.f.therapy) return this.dropPreview();
    this.debounce.run(() => void this.refreshPreview());
  }

  /** forgets a preview asked for or on its way (the form was saved or cleared) */
  private dropPreview(): void {
    this.debounce.cancel();
    this.latest.next();
    this.preview = null;
  }

  async refreshPreview(): Promise<void> {
    if (!this.timesEntered || !this.f.therapy) return this.dropPreview();
    this.debounce.cancel();
    const ticket = this.latest.next();
    const r = await this.api.submit('visits.preview', draftOf(this.f));
    if (!this.latest.isCurrent(ticket)) return;
    if (r.ok) this.preview = r.value;
    else this.error = r.error.message;
  }

  /** saves (and signs when `signed` is ticked); true when saved */
  async save(): Promise<Visit | null> {
    this.message = null;
    const v = await this.submit(() => this.api.submit('visits.save', { ...draftOf(this.f), ...(this.f.id && this.version !== undefined ? { version: this.version } : {}) }), 'The visit was not saved.');
    if (!v) return null;
    this.message = `Visit ${v.id} saved${v.signed ? ' and signed' : ' (not signed yet, so it is not billed)'}.`;
    this.startNext(v);
    return v;
  }

  /** after a save: a fresh form for the next visit of the same nurse and date */
  private startNext(saved: Visit): void {
    const keep = { nurse: saved.nurse, date: saved.date };
    this.version = undefined;
    this.f = { ...this.blank(), ...keep };
    this.therapies = [];
    this.dropPreview();
    this.problems = {};
  }

  async edit(row: VisitRow): Promise<void> {
    await this.choosePatient(row.patient, row.patientName);
    this.version = row.version;
    this.f = {
      id: row.id,
      patient: row.patient,
      patientName: row.patientName,
      therapy: row.therapy,
      nurse: row.nurse,
      date: row.date,
      arrival: row.arrival,
      departure: row.departure,
      overnight: !!row.departureDate && row.departureDate !== row.date,
      departureDate: row.departureDate ?? '',
      signed: row.signed,
      notes: row.notes ?? '',
    };
    this.problems = {};
    this.message = null;
    this.error = null;
    await this.refreshPreview();
  }

  reset(): void {
    this.version = undefined;
    this.f = this.blank();
    this.therapies = [];
    this.dropPreview();
    this.problems = {};
    this.error = null;
    this.message = null;
  }
}
