// The office's change events to the desktop app's windows (hosting/changeEvents.ts): the table
// announces each successful change once, whoever calls it (a window over IPC, a workstation over
// the office server), and the fan-out sends it to every open, signed-in window as the same JSON
// text an event stream carries.
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { CHANGE_EVENTS_CHANNEL } from '../../electron/contract/shellChannels.ts';
import { announcing, ChangeFeed, fanOut, sseChanges, sseFrame, type ChangeEvent, type ChangeWindow } from '../../electron/hosting/changeEvents.ts';
import { SessionManager, trustedSession } from '../../electron/security/sessions.ts';
import { openOffice, type Office } from '../ipc/fixture.ts';

class FakeWindow implements ChangeWindow {
  sent: Array<[string, string]> = [];
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, data: string): void {
    this.sent.push([channel, data]);
  }
}

const event = (seq: number, id: string): ChangeEvent => ({ seq, name: 'visits.save', entity: 'visits', id, patient: 'P1001', by: 'nora', at: '2026-11-05T09:00:00.000Z' });

describe('the fan-out to desktop windows', () => {
  it('sends each change to every open, signed-in window as the event stream’s JSON text, until unsubscribed', () => {
    const feed = new ChangeFeed();
    const windows = [new FakeWindow(1), new FakeWindow(2), new FakeWindow(3)];
    const signedIn = new Set([1, 3]);
    const off = fanOut(feed, CHANGE_EVENTS_CHANNEL, () => windows, (id) => signedIn.has(id));
    const e = feed.publish('visits.save', { id: 'V9', patient: 'P1001' }, { id: 'V9' }, 'nora', '2026-11-05T09:00:00.000Z')!;
    expect(e).toEqual(event(1, 'V9'));
    const text = JSON.stringify(e);
    expect(windows.map((w) => w.sent)).toEqual([[[CHANGE_EVENTS_CHANNEL, text]], [], [[CHANGE_EVENTS_CHANNEL, text]]]);
    // the same text as the office server's `data:` line
    expect(sseFrame(e)).toBe(`id: 1\nevent: change\ndata: ${text}\n\n`);
    windows[2]!.destroyed = true;
    signedIn.add(2);
    feed.publish('visits.save', { id: 'V10', patient: 'P1001' }, { id: 'V10' }, 'nora', '2026-11-05T09:00:00.000Z');
    expect(windows.map((w) => w.sent.length)).toEqual([2, 1, 1]);
    // a request that reads, or concerns only the caller's session, is no change
    feed.publish('patients.chart', { id: 'P1001' }, {}, 'nora');
    feed.publish('auth.signIn', { username: 'nora' }, {}, 'nora');
    off();
    feed.publish('visits.save', { id: 'V11' }, { id: 'V11' }, 'nora');
    expect(windows.map((w) => w.sent.length)).toEqual([2, 1, 1]);
    expect(feed.size).toBe(0);
  });
});

describe('the announcing table', () => {
  let office: Office;
  afterEach(() => office?.close());

  it('announces a successful change once with the caller’s user, and nothing for a refusal or a read', async () => {
    office = openOffice({ withPatients: true });
    const feed = new ChangeFeed();
    const seen: ChangeEvent[] = [];
    feed.subscribe((e) => seen.push(e));
    const table = announcing(appRegistry(), feed);
    const session = new SessionManager({ db: office.ctx.db });
    const ctx: HandlerContext = { ...office.ctx, session };
    // signed out: refused, nothing announced
    expect((await table.call(ctx, 'patients.update', { id: 'P1001' })).ok).toBe(false);
    const trusted: HandlerContext = { ...office.ctx, session: trustedSession(office.ctx.db, 'ben', 'biller') };
    const chart = await table.call(trusted, 'patients.chart', { id: 'P1001' });
    expect(chart.ok).toBe(true);
    if (!chart.ok) return;
    const c = chart.value as { patient: Record<string, unknown>; version: number };
    expect((await table.call(trusted, 'patients.update', { ...c.patient, phone: '5125550123', version: c.version })).ok).toBe(true);
    expect(seen.map((e) => [e.seq, e.name, e.entity, e.id, e.patient, e.by])).toEqual([[1, 'patients.update', 'patients', 'P1001', 'P1001', 'ben']]);
    expect([table.names, table.has('patients.update'), table.has('nope')]).toEqual([appRegistry().names, true, false]);
  });
});

describe('reading an event stream (a joined app relays it to its window)', () => {
  it('gives the data text of each change event, however the stream is cut, skipping pings and other events', () => {
    const got: string[] = [];
    const read = sseChanges((d) => got.push(d));
    const text = `retry: 3000\n\n: ping\n\n${sseFrame(event(1, 'V1'))}event: other\ndata: x\n\n${sseFrame(event(2, 'V2')).replace(/\n/g, '\r\n')}`;
    for (let i = 0; i < text.length; i += 7) read(text.slice(i, i + 7));
    expect(got.map((d) => JSON.parse(d) as ChangeEvent)).toEqual([event(1, 'V1'), event(2, 'V2')]);
  });
});
