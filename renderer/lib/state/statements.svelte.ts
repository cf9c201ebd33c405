// Patient statements (R-CO-4): the month of services, every patient who owes something or one
// patient, printed as one PDF by `statements.print`; the screen saves the file it returns.
import type { CallError, Caller, FilePayload, StatementSummary } from '../contract.ts';
import { money, previousMonth } from '../format.ts';

export class StatementsState {
  month = $state('');
  /** an account number, or '' for every patient who owes something */
  patient = $state('');
  busy = $state(false);
  error = $state<CallError | null>(null);
  message = $state<string | null>(null);
  printed = $state<StatementSummary[]>([]);

  constructor(private readonly api: Caller, today: string) {
    this.month = previousMonth(today).from.slice(0, 7);
  }

  /** Prints the month's statements; `save` stores the PDF (the app's save dialog or a download). */
  async print(save: (file: FilePayload) => Promise<string | null>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.message = null;
    try {
      const r = await this.api.call('statements.print', { month: this.month, patient: this.patient.trim() || null });
      if (!r.ok) {
        this.error = r.error;
        this.printed = [];
        return false;
      }
      this.printed = r.value.statements;
      const where = await save(r.value.file);
      const n = r.value.statements.length;
      const owed = r.value.statements.reduce((s, x) => s + x.owedCents, 0);
      this.message = `${n} statement${n === 1 ? '' : 's'} for ${this.month} (${money(owed)} owed)${where ? `: saved as ${where}` : ''}.`;
      return true;
    } finally {
      this.busy = false;
    }
  }
}
