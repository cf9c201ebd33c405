import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron is not available under Node: a stand-in records what the shell registers.
const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listening = new Map<string, (event: unknown, data: unknown) => void>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {},
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => (invoked.push(a), Promise.resolve('answer')),
    on: (channel: string, fn: (event: unknown, data: unknown) => void) => listening.set(channel, fn),
  },
}));

const { registerChannels } = await import('../../electron/shell/registerChannels.ts');
const { CHANNELS } = await import('../../electron/contract/channels.ts');
const { createRegistry } = await import('../../electron/app/registry.ts');
const { CHANGE_EVENTS_CHANNEL } = await import('../../electron/contract/shellChannels.ts');
await import('../../electron/shell/preload.ts');

const calls: Array<[string, unknown]> = [];
const fakeRegistry = {
  names: CHANNELS.filter((c) => !c.startsWith('shell.')),
  has: (n: string) => !n.startsWith('shell.') && CHANNELS.includes(n as never),
  call: async (_ctx: unknown, name: string, args: unknown) => (calls.push([name, args]), { ok: true, value: name }),
} as unknown as ReturnType<typeof createRegistry>;

const frame = (url: string) => ({ senderFrame: { url }, sender: {} });

describe('the IPC wiring of the desktop shell', () => {
  beforeEach(() => {
    handlers.clear();
    calls.length = 0;
    registerChannels(fakeRegistry, () => ({}) as never);
  });

  it('registers exactly the preload channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes a request from our own page to the handler table', async () => {
    const r = await handlers.get('billing.build')!(frame('app://perdiem/index.html#/billing'), { from: '2026-10-01', to: '2026-10-31' });
    expect(r).toEqual({ ok: true, value: 'billing.build' });
    expect(calls).toEqual([['billing.build', { from: '2026-10-01', to: '2026-10-31' }]]);
  });

  it.each(['app://perdiem.evil/index.html', 'file:///tmp/index.html', 'http://127.0.0.1:5180/', 'app://evil/perdiem'])(
    'refuses a request from %s without running anything',
    async (url) => {
      const r = await handlers.get('app.loadDemo')!(frame(url), undefined);
      expect(r).toEqual({ ok: false, error: { message: 'refused: the request did not come from Perdiem' } });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a frame without a URL', async () => {
    const r = (await handlers.get('app.state')!({ senderFrame: null, sender: {} }, undefined)) as { ok: boolean };
    expect(r.ok).toBe(false);
  });
});

describe('the preload', () => {
  it('exposes only invoke and onChange on window.perdiem', () => {
    expect(Object.keys(exposed)).toEqual(['perdiem']);
    expect(Object.keys(exposed.perdiem as object)).toEqual(['invoke', 'onChange']);
  });

  it('listens on the change channel only, and hands the page the event text, never the IPC event', () => {
    expect([...listening.keys()]).toEqual([CHANGE_EVENTS_CHANNEL]);
    expect(CHANNELS).not.toContain(CHANGE_EVENTS_CHANNEL);
    const bridge = exposed.perdiem as { onChange(fn: unknown): () => void };
    const got: unknown[][] = [];
    const off = bridge.onChange((...a: unknown[]) => got.push(a));
    const send = listening.get(CHANGE_EVENTS_CHANNEL)!;
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    send(ipcEvent, '{"seq":1,"name":"visits.save"}');
    // anything but text from the main process is dropped
    send(ipcEvent, { toString: () => 'x' });
    expect(got).toEqual([['{"seq":1,"name":"visits.save"}']]);
    off();
    send(ipcEvent, '{"seq":2}');
    expect(got).toHaveLength(1);
    expect(() => bridge.onChange('not a function')).toThrow('onChange takes a function');
  });

  it('forwards listed channels with their arguments and nothing else', async () => {
    const bridge = exposed.perdiem as { invoke(c: unknown, a: unknown): Promise<unknown> };
    expect(await bridge.invoke('billing.batches', undefined)).toBe('answer');
    expect(invoked).toEqual([['billing.batches', undefined]]);
    await expect(bridge.invoke('shell.exec', 'rm -rf /')).rejects.toThrow('unknown channel shell.exec');
    await expect(bridge.invoke({ toString: () => 'app.state' }, null)).rejects.toThrow('unknown channel');
    expect(invoked).toHaveLength(1);
  });
});
