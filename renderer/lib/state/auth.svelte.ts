// Who is signed in, as the main process (or the loopback server) says: the renderer never holds
// a role of its own, it only asks `auth.status` and shows what `permissions` allow. The idle lock
// is enforced by the session there; the watcher here locks the window on time even when no
// request is made, and tells the session about typing and mouse activity.
import type { AuthStatus, SessionView } from '../contract.ts';
import type { Api } from '../api.ts';

export class AuthState {
  status = $state<AuthStatus | null>(null);
  error = $state<string | null>(null);
  /** who was signed in before the lock (the session names nobody while locked) */
  lastUser = $state<SessionView['user']>(null);
  private lastPermissions: string[] = [];

  constructor(private readonly api: Api) {}

  get session(): SessionView | null {
    return this.status?.session ?? null;
  }

  get phase(): 'loading' | 'recovery' | 'setup' | 'signedOut' | 'locked' | 'active' {
    const s = this.status;
    if (!s) return 'loading';
    // this computer cannot open the office's data: the recovery key first
    if (s.needsRecovery) return 'recovery';
    if (s.needsSetup) return 'setup';
    return s.session.state;
  }

  /**
   * What the menu offers. While locked the session lists nothing, so the frame behind the lock
   * screen keeps the permissions from before (it is hidden, and every request is refused anyway).
   */
  can(action: string): boolean {
    if (this.phase === 'active') return this.session?.permissions.includes(action) ?? false;
    return this.phase === 'locked' && this.lastPermissions.includes(action);
  }

  private remember(view: SessionView): void {
    if (view.user) {
      this.lastUser = view.user;
      this.lastPermissions = view.permissions;
    } else if (view.state === 'signedOut') {
      this.lastUser = null;
      this.lastPermissions = [];
    }
  }

  async refresh(): Promise<void> {
    const r = await this.api.call('auth.status');
    if (r.ok) {
      this.remember(r.value.session);
      this.status = r.value;
      this.error = null;
    } else this.error = r.error.message;
  }

  private apply(view: SessionView): void {
    this.remember(view);
    if (this.status) this.status = { ...this.status, session: view };
  }

  /** null when signed in, else the message to show */
  async signIn(username: string, password: string): Promise<string | null> {
    const r = await this.api.call('auth.signIn', { username, password });
    if (!r.ok) return r.error.message;
    this.remember(r.value);
    this.status = { needsSetup: false, needsRecovery: false, encrypted: this.status?.encrypted ?? false, session: r.value };
    return null;
  }

  async lock(): Promise<void> {
    const r = await this.api.call('auth.lock');
    if (r.ok) this.apply(r.value);
    else await this.refresh();
  }

  async signOut(): Promise<void> {
    const r = await this.api.call('auth.signOut');
    if (r.ok) this.apply(r.value);
    else await this.refresh();
  }

  async touch(): Promise<void> {
    const r = await this.api.call('auth.touch');
    if (r.ok) this.apply(r.value);
  }
}

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes()` without a key or mouse event. Activity reaches the session at most
 * once a minute (the session's own idle clock then agrees with the window's).
 */
export function watchIdle(auth: AuthState, minutes: () => number): () => void {
  let last = Date.now();
  let told = last;
  const onActivity = () => {
    last = Date.now();
    if (last - told >= 60_000 && auth.phase === 'active') {
      told = last;
      void auth.touch();
    }
  };
  for (const ev of ACTIVITY) window.addEventListener(ev, onActivity, { passive: true, capture: true });
  const timer = setInterval(() => {
    // the clock starts again at every unlock
    if (auth.phase !== 'active') last = Date.now();
    else if (Date.now() - last >= minutes() * 60_000) void auth.lock();
  }, 5_000);
  return () => {
    clearInterval(timer);
    for (const ev of ACTIVITY) window.removeEventListener(ev, onActivity, { capture: true });
  };
}
