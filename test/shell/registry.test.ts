import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../electron/domain/errors.ts';
import { CHANNELS, isChannel } from '../../electron/contract/channels.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { defineHandlers } from '../../electron/app/define.ts';
import { FieldError } from '../../electron/domain/errors.ts';
import { appRegistry, createRegistry, fieldPath } from '../../electron/app/registry.ts';
import { SHELL_CHANNELS } from '../../electron/contract/shellChannels.ts';
import { openMemoryStore } from '../../db/open.ts';
import { trustedSession } from '../../electron/security/sessions.ts';

const store = openMemoryStore();
const ctx: HandlerContext = { db: store.db, session: trustedSession(store.db), now: () => '2026-11-05T09:00:00', today: () => '2026-11-05' };

type Demo = {
  'demo.echo': (args: { name: string; age: number }) => string;
  'demo.today': (args: void) => string;
  'demo.refuse': (args: void) => never;
  'demo.fields': (args: void) => never;
  'demo.crash': (args: void) => never;
};

const demo = defineHandlers<Demo>({
  'demo.echo': { args: z.object({ name: z.string().min(1), age: z.number().int() }), run: (_c, a) => `${a.name} ${a.age}` },
  'demo.today': { run: (c) => c.today() },
  'demo.refuse': {
    run: () => {
      throw new UserError('Patient P1 has no coverage', ['coverages: add one']);
    },
  },
  'demo.fields': {
    run: () => {
      throw new FieldError('Check the NPI', { npi: 'must be 10 digits' });
    },
  },
  'demo.crash': {
    run: () => {
      throw new TypeError('x is undefined');
    },
  },
});

describe('the handler registry', () => {
  const registry = createRegistry([demo]);

  it('runs a handler with validated arguments and the injected clock', async () => {
    expect(await registry.call(ctx, 'demo.echo', { name: 'Ann', age: 42 })).toEqual({ ok: true, value: 'Ann 42' });
    expect(await registry.call(ctx, 'demo.today', undefined)).toEqual({ ok: true, value: '2026-11-05' });
  });

  it('turns bad arguments into messages naming each field', async () => {
    const r = await registry.call(ctx, 'demo.echo', { name: '', age: 1.5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(['age', 'name']);
    expect(r.error.message).toMatch(/^Please correct these fields: /);
  });

  it('refuses arguments for a handler that takes none', async () => {
    expect(await registry.call(ctx, 'demo.today', { sneaky: true })).toEqual({
      ok: false,
      error: { message: "'demo.today' takes no arguments" },
    });
  });

  it('turns a user error into a result with its details', async () => {
    expect(await registry.call(ctx, 'demo.refuse', undefined)).toEqual({
      ok: false,
      error: { message: 'Patient P1 has no coverage', details: ['coverages: add one'] },
    });
    expect(await registry.call(ctx, 'demo.fields', undefined)).toEqual({
      ok: false,
      error: { message: 'Check the NPI', fields: { npi: 'must be 10 digits' }, details: ['npi: must be 10 digits'] },
    });
  });

  it('reports a bug as a failed call instead of crashing the caller', async () => {
    const err = console.error;
    console.error = () => {};
    try {
      expect(await registry.call(ctx, 'demo.crash', undefined)).toEqual({
        ok: false,
        error: { message: 'Unexpected problem in demo.crash: x is undefined' },
      });
    } finally {
      console.error = err;
    }
  });

  it('answers an unknown name with a failed call', async () => {
    expect(await registry.call(ctx, 'demo.nope', {})).toEqual({ ok: false, error: { message: "unknown request 'demo.nope'" } });
  });

  it('rejects two domains defining the same name', () => {
    const again = defineHandlers<Pick<Demo, 'demo.today'>>({ 'demo.today': { run: () => 'x' } });
    expect(() => createRegistry([demo, again])).toThrow("handler 'demo.today' is defined twice");
  });

  it('writes field paths the way the import messages do', () => {
    expect(fieldPath(['therapies', 2, 'drugs', 0, 'ndc'])).toBe('therapies[2].drugs[0].ndc');
    expect(fieldPath([])).toBe('(arguments)');
  });
});

describe('the preload channel list', () => {
  it('is exactly the application handler table plus the native dialogs', () => {
    // after adding a handler: npx tsx scripts/gen-channels.ts
    expect([...CHANNELS].sort(), 'channels.ts is stale: run `npx tsx scripts/gen-channels.ts`').toEqual([...appRegistry().names, ...SHELL_CHANNELS].sort());
  });

  it('does not admit names outside the contract', () => {
    expect(isChannel('billing.build')).toBe(true);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('shell.exec')).toBe(false);
  });
});
