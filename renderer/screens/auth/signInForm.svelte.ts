// Sign-in at start, and the lock screen: the locked user types her password again. The session
// itself is AuthState's; this holds what is typed and the answer.
import type { AuthState } from '../../lib/state/auth.svelte.ts';

export class SignInForm {
  username = $state('');
  password = $state('');
  busy = $state(false);
  error = $state<string | null>(null);

  /** `auth` is read when used: the frame's session state */
  constructor(private readonly auth: () => AuthState) {}

  get locked(): boolean {
    return this.auth().phase === 'locked';
  }

  /** who the lock screen unlocks for */
  get lockedUser(): AuthState['lastUser'] {
    const auth = this.auth();
    return auth.session?.user ?? auth.lastUser;
  }

  /** true when signed in; the password is forgotten either way */
  async signIn(): Promise<boolean> {
    const user = this.locked && this.lockedUser ? this.lockedUser.username : this.username;
    this.busy = true;
    this.error = await this.auth().signIn(user, this.password);
    this.busy = false;
    this.password = '';
    return this.error === null;
  }
}
