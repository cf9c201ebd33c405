// The window's change subscription (renderer/lib/officeChanges.svelte.ts) against a fake EventSource.
import { describe, expect, it } from 'vitest';
import { OfficeChanges, RESYNC, bridgeStream, concerns, openChanges, staleBuildNotice, type ChangeEvent, type EventStream } from '../../renderer/lib/officeChanges.svelte.ts';

class FakeStream implements EventStream {
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private change: ((e: { data: string }) => void) | null = null;
  addEventListener(_type: 'change', fn: (e: { data: string }) => void): void {
    this.change = fn;
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.();
  }
  send(e: ChangeEvent): void {
    this.change?.({ data: JSON.stringify(e) });
  }
}

const saved: ChangeEvent = { seq: 1, name: 'visits.save', entity: 'visits', id: 'V9', patient: 'P1001', by: 'nora', at: '2026-11-05T09:00:00Z' };

function setup() {
  const streams: FakeStream[] = [];
  const changes = new OfficeChanges(() => {
    const s = new FakeStream();
    streams.push(s);
    return s;
  });
  const got: ChangeEvent[] = [];
  changes.subscribe((e) => got.push(e));
  let ended = 0;
  changes.ended = () => void ended++;
  return { changes, streams, got, ended: () => ended };
}

describe('the change subscription', () => {
  it('hands every change to the screens once the stream is open', () => {
    const { changes, streams, got } = setup();
    changes.start();
    changes.start();
    expect([streams.length, changes.status]).toEqual([1, 'connecting']);
    streams[0]!.open();
    streams[0]!.send(saved);
    expect([changes.status, got]).toEqual(['live', [saved]]);
  });

  it('says the server is unreachable while EventSource retries, and resynchronises when it is back', () => {
    const { changes, streams, got } = setup();
    changes.start();
    streams[0]!.open();
    streams[0]!.fail(false);
    expect(changes.status).toBe('unreachable');
    streams[0]!.open();
    expect([changes.status, got]).toEqual(['live', [RESYNC]]);
  });

  it('stays quiet where there is no event stream (the desktop app, the loopback server)', () => {
    const { changes, streams, ended } = setup();
    changes.start();
    streams[0]!.fail(true);
    expect([changes.status, streams[0]!.closed, ended()]).toEqual(['local', true, 0]);
  });

  it('asks who is signed in when a live stream is refused (the server restarted, the session ended)', () => {
    const { changes, streams, ended } = setup();
    changes.start();
    streams[0]!.open();
    streams[0]!.fail(true);
    expect([changes.status, ended()]).toEqual(['local', 1]);
  });
});

describe('what a screen makes of a change', () => {
  it('concerns the screens of its kind, and every screen after an import or a resync', () => {
    expect([concerns(saved, ['visits']), concerns(saved, ['claims']), concerns(RESYNC, ['claims'])]).toEqual([true, false, true]);
  });

  it('tells the workbench who changed what since its build', () => {
    expect(staleBuildNotice(saved)).toBe('nora saved visit V9 after this build: build again to include it.');
    expect(staleBuildNotice(RESYNC)).toBe('The connection to the office server was lost for a while: build again to be sure the claims are current.');
  });
});

describe('the desktop window’s change subscription (IPC through the preload)', () => {
  /** the preload's onChange as the page sees it: the main process's sends, as JSON text */
  function fakeBridge() {
    const listeners = new Set<(data: string) => void>();
    const onChange = (fn: (data: string) => void) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    };
    return { onChange, send: (e: ChangeEvent) => listeners.forEach((fn) => fn(JSON.stringify(e))), size: () => listeners.size };
  }

  it('refreshes the screens the same way as the event stream, and lets go at stop', () => {
    const bridge = fakeBridge();
    const later: Array<() => void> = [];
    const changes = new OfficeChanges(() => bridgeStream(bridge.onChange, (fn) => later.push(fn)));
    const got: ChangeEvent[] = [];
    changes.subscribe((e) => got.push(e));
    changes.start();
    expect(changes.status).toBe('connecting');
    later.forEach((fn) => fn());
    expect(changes.status).toBe('live');
    bridge.send(saved);
    expect(got).toEqual([saved]);
    expect([concerns(got[0]!, ['visits']), staleBuildNotice(got[0]!)]).toEqual([true, 'nora saved visit V9 after this build: build again to include it.']);
    changes.stop();
    expect([changes.status, bridge.size()]).toEqual(['local', 0]);
    bridge.send(saved);
    expect(got).toHaveLength(1);
  });

  it('uses the preload’s subscription in the desktop app, the event stream in a browser, and nothing otherwise', () => {
    const bridge = fakeBridge();
    const desktop = openChanges({ perdiem: { onChange: bridge.onChange } });
    expect(desktop?.readyState).toBe(1);
    desktop?.close();
    class Source extends FakeStream {
      constructor(readonly url: string) {
        super();
      }
    }
    const browser = openChanges({ EventSource: Source });
    expect(browser instanceof Source && browser.url).toBe('/api/events');
    // an older preload without onChange: the window works without events, as before
    expect(openChanges({ perdiem: {} })).toBeNull();
    expect(openChanges({})).toBeNull();
  });
});
