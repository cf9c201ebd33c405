// The office server's change events in a window: one EventSource on /api/events while someone
// is signed in, handed to the screens that show what others change (the visit log reloads, the
// billing workbench says its build is out of date). It also tells the frame whether the server
// can be reached: EventSource retries by itself while the network or the server is down, and the
// first event after it reconnects is a resynchronisation (events in the gap were missed).
// Served by the desktop app's own process or the plain loopback server there are no events:
// the first answer is not a stream, and the window works as it always did.
import type { ChangeEvent } from '../../electron/contract/changes.ts';

export type { ChangeEvent };

/** 'local': no event stream (a file on this computer); 'live': connected; 'unreachable': retrying */
export type Connection = 'local' | 'connecting' | 'live' | 'unreachable';

/** The part of EventSource this uses (a fake in tests); typed here so the module needs no DOM types. */
export interface EventStream {
  readonly readyState: number;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  addEventListener(type: 'change', fn: (e: { data: string }) => void): void;
  close(): void;
}

const CLOSED = 2;

/** what a screen gets after a reconnection: anything may have changed */
export const RESYNC: ChangeEvent = { seq: 0, name: 'resync', entity: 'office', id: null, patient: null, by: '', at: '' };

export class OfficeChanges {
  status = $state<Connection>('local');
  private stream: EventStream | null = null;
  private everLive = false;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();

  /** the stream was refused after it had been live (the server restarted, the session ended): the frame asks who is signed in */
  ended: () => void = () => undefined;

  constructor(private readonly open: () => EventStream | null) {}

  start(): void {
    if (this.stream) return;
    const s = this.open();
    if (!s) return;
    this.stream = s;
    this.status = 'connecting';
    s.onopen = () => {
      const wasDown = this.status === 'unreachable';
      this.status = 'live';
      if (wasDown && this.everLive) this.emit(RESYNC);
      this.everLive = true;
    };
    s.onerror = () => {
      if (s.readyState !== CLOSED) {
        // EventSource reconnects by itself: the server or the network is down for now
        this.status = 'unreachable';
        return;
      }
      const hadBeenLive = this.everLive;
      this.stop();
      if (hadBeenLive) this.ended();
    };
    s.addEventListener('change', (m) => this.emit(JSON.parse(m.data) as ChangeEvent));
  }

  stop(): void {
    this.stream?.close();
    this.stream = null;
    this.everLive = false;
    this.status = 'local';
  }

  /** fn gets every change another window (or this one) made; returns the unsubscribe */
  subscribe(fn: (e: ChangeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: ChangeEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}

/** Does a change concern a screen showing `entities`? A resync or an import concerns every screen. */
export function concerns(e: ChangeEvent, entities: readonly string[]): boolean {
  return e.entity === 'office' || entities.includes(e.entity);
}

/** What the billing workbench says when the office changed after its build. */
export function staleBuildNotice(e: ChangeEvent): string {
  if (e.name === 'resync') return 'The connection to the office server was lost for a while: build again to be sure the claims are current.';
  const what = e.entity === 'claims' ? 'built or changed claims' : `saved ${e.entity.replace(/s$/, '')}${e.id ? ` ${e.id}` : ''}`;
  return `${e.by} ${what} after this build: build again to include it.`;
}

const host = globalThis as unknown as { perdiem?: unknown; EventSource?: new (url: string) => EventStream };

/** the window's one subscription (a browser joined to an office server; nothing in the desktop app's own process) */
export const officeChanges = new OfficeChanges(() => (!host.perdiem && host.EventSource ? new host.EventSource('/api/events') : null));
