// The office's change events in a window, whichever way they come: one EventSource on
// /api/events (a browser on the office server) or the desktop app's IPC subscription
// (`window.perdiem.onChange`, bridgeStream below), while someone is signed in, handed to the
// screens that show what others change (the visit log reloads, the billing workbench says its
// build is out of date). Both carry each event as the same JSON text, so the screens refresh the
// same way on either. It also tells the frame whether the server can be reached: EventSource
// retries by itself while the network or the server is down, and the first event after it
// reconnects is a resynchronisation (events in the gap were missed). The desktop window's
// subscription is to its own process and never drops. The plain loopback server (tests,
// development) sends no events: the first answer is not a stream, and the window works as always.
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

/** The desktop app's subscription (`window.perdiem.onChange`): the event's JSON text, as an event stream's `data:` carries it. */
export type ChangeBridge = (fn: (data: string) => void) => () => void;

const OPEN = 1;

/**
 * The desktop window's change events as an EventStream: open at once (the main process is this
 * window's own, always there), each event delivered as the stream would deliver it.
 */
export function bridgeStream(onChange: ChangeBridge, later: (fn: () => void) => void = queueMicrotask): EventStream {
  let off: (() => void) | null = null;
  const stream: EventStream & { readyState: number } = {
    readyState: OPEN,
    onopen: null,
    onerror: null,
    addEventListener(_type, fn) {
      off?.();
      off = onChange((data) => fn({ data }));
    },
    close() {
      off?.();
      off = null;
      stream.readyState = CLOSED;
    },
  };
  // as an EventSource does: the open is announced after the caller set its handlers
  later(() => {
    if (stream.readyState === OPEN) stream.onopen?.();
  });
  return stream;
}

const host = globalThis as unknown as { perdiem?: { onChange?: ChangeBridge }; EventSource?: new (url: string) => EventStream };

/**
 * The window's one subscription: the desktop app's IPC events in its window, the office server's
 * event stream in a browser.
 */
export function openChanges(h: typeof host = host): EventStream | null {
  if (h.perdiem) return h.perdiem.onChange ? bridgeStream(h.perdiem.onChange) : null;
  return h.EventSource ? new h.EventSource('/api/events') : null;
}

export const officeChanges = new OfficeChanges(() => openChanges());
