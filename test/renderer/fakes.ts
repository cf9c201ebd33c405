// A stand-in for the renderer's api: records each call and answers from a table, or holds the
// answer until the test releases it (to play answers out of order). Fake timers run debounces.
import type { Caller } from '../../renderer/lib/contract.ts';
import type { Timers } from '../../renderer/lib/debounce.ts';

export interface Call {
  name: string;
  args: unknown;
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string; fields?: Record<string, string> } };

export class FakeApi {
  calls: Call[] = [];
  held: { call: Call; release: (a: Answer) => void }[] = [];
  hold = false;
  constructor(public answer: (name: string, args: unknown) => Answer) {}

  readonly call = ((name: string, args: unknown) => {
    const call = { name, args };
    this.calls.push(call);
    if (this.hold) return new Promise<Answer>((release) => this.held.push({ call, release }));
    return Promise.resolve(this.answer(name, args));
  }) as unknown as Caller['call'];

  /** a form's draft goes the same way as any call */
  readonly submit = this.call as unknown as Caller['submit'];

  named(name: string): Call[] {
    return this.calls.filter((c) => c.name === name);
  }
}

export class FakeTimers implements Timers {
  private queue = new Map<number, { at: number; fn: () => void }>();
  private now = 0;
  private n = 0;
  set(fn: () => void, ms: number): unknown {
    const id = ++this.n;
    this.queue.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.queue.delete(handle as number);
  }
  /** moves time on, running what falls due */
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.queue]) {
      if (t.at <= this.now) {
        this.queue.delete(id);
        t.fn();
      }
    }
  }
}

/** lets pending promise callbacks run */
export const settle = () => new Promise((r) => setTimeout(r, 0));
