import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/app/context.ts';
import { defineHandlers } from '../../electron/app/define.ts';
import { createRegistry } from '../../electron/app/registry.ts';
import { openMemoryStore } from '../../db/open.ts';
import { trustedSession } from '../../electron/security/sessions.ts';

// The audit actor belongs to the database connection; requests on one office must not interleave
// or a slow request's writes would be recorded under whoever called next.
type Demo = {
  'demo.slow': (args: void) => string;
  'demo.fast': (args: void) => string;
};

function setup() {
  const db = openMemoryStore().db;
  const ctx: HandlerContext = { db, session: trustedSession(db), now: () => '2026-11-05T09:00:00', today: () => '2026-11-05' };
  let actor = 'nobody';
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const registry = createRegistry([
    defineHandlers<Demo>({
      'demo.slow': {
        run: async () => {
          actor = 'nina';
          await gate;
          return `slow wrote as ${actor}`;
        },
      },
      'demo.fast': {
        run: () => {
          actor = 'bill';
          return `fast wrote as ${actor}`;
        },
      },
    }),
  ]);
  return { ctx, registry, release };
}

describe('requests on one office', () => {
  it('run one at a time, so a slow request keeps its own actor until it ends', async () => {
    const { ctx, registry, release } = setup();
    const slow = registry.call(ctx, 'demo.slow', undefined);
    const fast = registry.call(ctx, 'demo.fast', undefined);
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(await slow).toEqual({ ok: true, value: 'slow wrote as nina' });
    expect(await fast).toEqual({ ok: true, value: 'fast wrote as bill' });
  });

  it('go on after a request that failed', async () => {
    const { ctx, registry, release } = setup();
    release();
    expect(await registry.call(ctx, 'demo.nothing', undefined)).toMatchObject({ ok: false });
    expect(await registry.call(ctx, 'demo.fast', undefined)).toEqual({ ok: true, value: 'fast wrote as bill' });
  });
});
