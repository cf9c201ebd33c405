// The open chart: the patient with everything the office keeps, the reference lists the forms
// choose from, and which part is being edited.
import type { Caller, ChartLookups, PatientChart } from '../../lib/contract.ts';
import type { Patient } from '../../../electron/domain/types.ts';
import { PatientForm } from './patientForm.svelte.ts';
import { CoverageForm } from './coverageForm.svelte.ts';
import { TherapyForm } from './therapyForm.svelte.ts';

export type Editing =
  | { kind: 'none' }
  | { kind: 'patient'; form: PatientForm }
  | { kind: 'coverage'; form: CoverageForm }
  | { kind: 'therapy'; form: TherapyForm };

export class ChartState {
  chart = $state<PatientChart | null>(null);
  lookups = $state<ChartLookups | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  editing = $state<Editing>({ kind: 'none' });
  today = $state('');

  constructor(private readonly api: Caller) {}

  async loadLookups(): Promise<void> {
    if (this.lookups) return;
    const [lookups, state] = await Promise.all([this.api.call('patients.lookups'), this.api.call('app.state')]);
    if (lookups.ok) this.lookups = lookups.value;
    else this.error = lookups.error.message;
    if (state.ok) this.today = state.value.today;
  }

  async open(id: string): Promise<void> {
    this.loading = true;
    this.error = null;
    const r = await this.api.call('patients.chart', { id });
    this.loading = false;
    if (r.ok) this.chart = r.value;
    else {
      this.chart = null;
      this.error = r.error.message;
    }
  }

  close(): void {
    this.chart = null;
    this.editing = { kind: 'none' };
    this.notice = null;
  }

  newPatient(): void {
    this.chart = null;
    this.notice = null;
    this.editing = { kind: 'patient', form: new PatientForm(this.api, null) };
  }

  editPatient(): void {
    if (this.chart) this.editing = { kind: 'patient', form: new PatientForm(this.api, this.chart.patient, this.chart.version) };
  }

  editCoverage(index: number | null): void {
    if (this.chart) this.editing = { kind: 'coverage', form: new CoverageForm(this.api, this.chart.patient, index, this.chart.version) };
  }

  editTherapy(id: string | null): void {
    if (!this.chart) return;
    const view = id ? this.chart.therapies.find((v) => v.therapy.id === id) : undefined;
    const primary = [...this.chart.patient.coverages].sort((a, b) => a.priority - b.priority)[0];
    this.editing = { kind: 'therapy', form: new TherapyForm(this.api, view?.therapy ?? null, this.chart.patient.id, { payer: primary?.payer, today: this.today }, view?.version) };
  }

  cancel(): void {
    this.editing = { kind: 'none' };
  }

  /** saves whatever form is open; reloads the chart; returns the patient's id when saved */
  async save(): Promise<string | null> {
    const e = this.editing;
    let id: string | null = null;
    if (e.kind === 'patient') {
      const p: Patient | null = await e.form.save();
      if (p) {
        id = p.id;
        this.notice = e.form.isNew ? `Patient ${p.lastName}, ${p.firstName} (${p.id}) added.` : 'Demographics saved.';
      }
    } else if (e.kind === 'coverage') {
      const p = await e.form.save();
      if (p) {
        id = p.id;
        this.notice = e.form.index === null ? 'Coverage added.' : 'Coverage saved.';
      }
    } else if (e.kind === 'therapy') {
      const t = await e.form.save();
      if (t) {
        id = t.patient;
        this.notice = e.form.isNew ? `Therapy ${t.id} added.` : `Therapy ${t.id} saved.`;
      }
    }
    if (id) {
      this.editing = { kind: 'none' };
      await this.open(id);
    }
    return id;
  }

  async removeCoverage(index: number): Promise<void> {
    if (!this.chart) return;
    const r = await this.api.call('patients.removeCoverage', { patient: this.chart.patient.id, index, version: this.chart.version });
    if (r.ok) {
      this.notice = 'Coverage removed.';
      await this.open(r.value.id);
    } else this.error = r.error.message;
  }
}
