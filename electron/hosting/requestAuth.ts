// Who an office server request comes from. A browser or the desktop app carries the session
// cookie that `auth.signIn` set; the command line and scripts send `Authorization: Bearer pdt_…`
// (an API token), checked against the office's tokens at the first request and again at every
// request after (a revoked token stops at its next one). Without either, a request gets the
// shared signed-out session: only the public requests (status, sign-in) answer.
import { createHash } from 'node:crypto';
import type { Office } from '../app/context.ts';
import { countUsers } from '../../db/repos/users.ts';
import type { CallError } from '../contract/result.ts';
import { UserError } from '../domain/errors.ts';
import type { SessionManager } from '../security/sessions.ts';
import { signInFromCredentials } from '../cli/credentials.ts';
import { sessionCookie } from './httpServer.ts';
import type { SessionTable } from './sessionTable.ts';

/** the table's key for requests without a (live) cookie; never a cookie value (those are 43 characters) */
export const ANONYMOUS = '';

export interface RequestCaller {
  session: SessionManager;
  /** the cookie value the session is kept under, when it came from one */
  cookie: string | null;
}

/** the API token of an `Authorization: Bearer …` header */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** the table key of a token's session: its hash, so the table never holds a usable secret */
const tokenKey = (token: string) => `token:${createHash('sha256').update(token).digest('base64url')}`;

/**
 * The session a request runs under, or the refusal to send (a token unknown or revoked).
 * `now`: ISO time for the token's last use.
 */
export function callerOf(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  table: SessionTable<string>,
  office: Office,
  now: string,
): RequestCaller | { refused: CallError } {
  const token = bearerToken(headers.authorization);
  if (token) {
    const key = tokenKey(token);
    const kept = table.find(key);
    if (kept && kept.state() === 'active') return { session: kept, cookie: null };
    table.delete(key);
    // the command line lets anyone run an office without users; a server never does
    if (countUsers(office.db) === 0) return { refused: { message: 'this office has no users yet: set it up on the server first', code: 'locked' } };
    const session = table.fresh();
    try {
      signInFromCredentials(session, office.db, { token }, { dbPath: 'the office', keyed: office.encrypted, now });
    } catch (e) {
      if (e instanceof UserError) return { refused: { message: 'the API token is not valid for this office (unknown or revoked)', code: 'locked' } };
      throw e;
    }
    table.set(key, session);
    return { session, cookie: null };
  }
  const cookie = sessionCookie(headers.cookie);
  const own = table.find(cookie);
  return own ? { session: own, cookie } : { session: table.get(ANONYMOUS), cookie: null };
}
