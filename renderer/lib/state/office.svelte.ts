// Whether the office has data (first run) and the counts the frame shows.
import type { AppState } from '../contract.ts';
import type { Api } from '../api.ts';

export class OfficeState {
  state = $state<AppState | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);

  constructor(private readonly api: Api) {}

  get empty(): boolean {
    return this.state?.empty ?? false;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const r = await this.api.call('app.state');
    this.loading = false;
    if (r.ok) {
      this.state = r.value;
      this.error = null;
    } else this.error = r.error.message;
  }
}
