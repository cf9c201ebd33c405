// Waits for a pause in typing before asking the store, so a fast typist sends one request, not
// one per key. The timer functions are injectable so tests run without real time.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private handle: unknown = null;
  constructor(
    private readonly ms: number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** runs `fn` once no other call came for `ms` milliseconds */
  run(fn: () => void): void {
    this.cancel();
    this.handle = this.timers.set(() => {
      this.handle = null;
      fn();
    }, this.ms);
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  get pending(): boolean {
    return this.handle !== null;
  }
}

/**
 * Answers can come back out of order; only the latest request's answer is applied.
 * `const ticket = latest.next(); … if (latest.isCurrent(ticket)) apply()`.
 */
export class Latest {
  private n = 0;
  next(): number {
    return ++this.n;
  }
  isCurrent(ticket: number): boolean {
    return ticket === this.n;
  }
}
