// The change events of an office: after a request that changed something, every window that shows
// the office hears what changed (never the data), whichever way it reaches the office: a browser
// or a workstation over the office server's event stream (officeServer.ts, SSE), a desktop window
// of the app that holds the office over IPC (`fanOut`, the shell's CHANGE_EVENTS_CHANNEL). Both
// carry the same event as the same JSON text, so the renderer's one subscription
// (renderer/lib/officeChanges.svelte.ts) refreshes the same way on either.
import type { ChangeEvent } from '../contract/changes.ts';
import type { Registry } from '../app/registry.ts';

export type { ChangeEvent };

// A request changes the office unless its verb reads. Judged from the name, so a handler added
// later is announced by default: a needless refresh costs little, a missed one shows stale data.
const READING_VERB = /^(get|list|search|lookups|chart|preview|recent|query|status|state|find|for|batches|download|test|settings|verify)/;
/** namespaces whose requests change no record another window shows (sign-in, the desktop's file dialogs, hosting, backups made) */
const QUIET = new Set(['auth', 'shell', 'hosting']);
const QUIET_REQUESTS = new Set(['backups.run', 'audit.export', 'users.setPassword']);

const ENTITY_OF_NAMESPACE: Readonly<Record<string, string>> = { billing: 'claims', claims: 'claims', app: 'office', backups: 'office' };

/** Does a successful `name` change what other windows show? */
export function changesOffice(name: string): boolean {
  const dot = name.indexOf('.');
  if (dot < 0) return false;
  const ns = name.slice(0, dot);
  const verb = name.slice(dot + 1);
  return !QUIET.has(ns) && !QUIET_REQUESTS.has(name) && !READING_VERB.test(verb);
}

const stringField = (o: unknown, key: string): string | null => {
  if (o === null || typeof o !== 'object') return null;
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

/** The event a successful request makes, or null when it changed nothing others see. */
export function changeOf(name: string, args: unknown, value: unknown, by: string, at: string, seq: number): ChangeEvent | null {
  if (!changesOffice(name)) return null;
  const ns = name.slice(0, name.indexOf('.'));
  const entity = ENTITY_OF_NAMESPACE[ns] ?? ns;
  const id = stringField(value, 'id') ?? stringField(args, 'id');
  const patient = entity === 'patients' ? id : (stringField(value, 'patient') ?? stringField(args, 'patient'));
  return { seq, name, entity, id, patient, by, at };
}

/** The server's listeners: each open event stream is one. */
export class ChangeFeed {
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private seq = 0;

  subscribe(fn: (e: ChangeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Announces a request that succeeded; returns the event sent, if any. */
  publish(name: string, args: unknown, value: unknown, by: string, at = new Date().toISOString()): ChangeEvent | null {
    const e = changeOf(name, args, value, by, at, this.seq + 1);
    if (!e) return null;
    this.seq = e.seq;
    for (const fn of this.listeners) fn(e);
    return e;
  }

  get size(): number {
    return this.listeners.size;
  }
}

/**
 * The table with its successful changes announced on `feed`, by the caller's user: what every
 * transport serves (the desktop windows' IPC, the office server), so no entry point forgets it.
 */
export function announcing(registry: Registry, feed: ChangeFeed): Registry {
  return {
    names: registry.names,
    has: (name) => registry.has(name),
    admit: (ctx, name) => registry.admit(ctx, name),
    call: async (ctx, name, args) => {
      const result = await registry.call(ctx, name, args);
      if (result.ok) feed.publish(name, args, result.value, ctx.session.current()?.username ?? 'system');
      return result;
    },
  };
}

/** A desktop window as the fan-out sees it (a BrowserWindow's webContents in the shell, a fake in tests). */
export interface ChangeWindow {
  /** the webContents id its session is kept under */
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, data: string): void;
}

/**
 * Sends every change on `feed` to each open window that is signed in (a window at the sign-in or
 * lock screen is told nothing: not even which record changed), as the event's JSON text, the same
 * text an event stream's `data:` carries. Returns the unsubscribe.
 */
export function fanOut(feed: ChangeFeed, channel: string, windows: () => Iterable<ChangeWindow>, signedIn: (id: number) => boolean): () => void {
  return feed.subscribe((e) => {
    const data = JSON.stringify(e);
    for (const w of windows()) if (!w.isDestroyed() && signedIn(w.id)) w.send(channel, data);
  });
}

/**
 * Reads an event stream as it arrives (chunks of text, split anywhere) and calls `fn` with the
 * `data:` text of each `change` event: what a joined desktop app relays to its window, the
 * reverse of sseFrame. Comments (pings) and other fields are skipped.
 */
export function sseChanges(fn: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (line === '') {
        if (event === 'change' && data.length) fn(data.join('\n'));
        event = 'message';
        data = [];
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
  };
}

/** One event as a server-sent-events frame. */
export function sseFrame(e: ChangeEvent): string {
  return `id: ${e.seq}\nevent: change\ndata: ${JSON.stringify(e)}\n\n`;
}
