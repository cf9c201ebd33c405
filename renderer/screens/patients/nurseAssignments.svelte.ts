// Which nurses may see a patient (patients.assignNurse, docs/security.md "A nurse's patients"):
// kept by billers and administrators on the chart; a nurse sees only her own patients.
import type { Nurse } from '../../../electron/domain/types.ts';
import type { Caller } from '../../lib/contract.ts';

export class NurseAssignments {
  nurses = $state<Nurse[]>([]);
  /** ids of the nurses assigned to the patient */
  assigned = $state<string[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly api: Caller,
    readonly patient: string,
  ) {}

  async load(): Promise<void> {
    const [n, a] = await Promise.all([this.api.call('settings.listNurses'), this.api.call('patients.nurses', { patient: this.patient })]);
    if (n.ok) this.nurses = n.value;
    if (a.ok) this.assigned = a.value;
    this.error = !n.ok ? n.error.message : !a.ok ? a.error.message : null;
  }

  name(id: string): string {
    const n = this.nurses.find((x) => x.id === id);
    return n ? `${n.firstName} ${n.lastName}, ${n.credential}` : id;
  }

  isAssigned(id: string): boolean {
    return this.assigned.includes(id);
  }

  /** assigns or unassigns one nurse; the answer is the patient's nurses after */
  async set(nurse: string, assigned: boolean): Promise<boolean> {
    this.busy = true;
    const r = await this.api.call('patients.assignNurse', { patient: this.patient, nurse, assigned });
    this.busy = false;
    if (!r.ok) {
      this.error = r.error.fields?.nurse ?? r.error.fields?.patient ?? r.error.message;
      return false;
    }
    this.assigned = r.value;
    this.error = null;
    this.notice = assigned ? `${this.name(nurse)} now sees this patient in her list.` : `${this.name(nurse)} no longer has this patient assigned (visits she logged keep it in her list).`;
    return true;
  }
}
