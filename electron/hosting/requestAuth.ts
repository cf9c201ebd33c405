// Who an office server request comes from. A browser or the desktop app carries the session
// cookie that `auth.signIn` set; the command line and scripts send `Authorization: Bearer pdt_…`
// (an API token), checked against the office's tokens at the first request and again at every
// request after (a revoked token stops at its next one). Without either, a request gets a
// signed-out session of its own (sessionTable.ts cookieSession): only the public requests
// (status, sign-in) answer.
import { createHash } from 'node:crypto';
import type { Office } from '../app/context.ts';
import { countUsers } from '../../db/repos/users.ts';
import type { CallError } from '../contract/result.ts';
import { UserError } from '../domain/errors.ts';
import type { SessionManager } from '../security/sessions.ts';
import { signInFromCredentials } from '../security/credentials.ts';
import { sessionCookie } from './httpServer.ts';
import { cookieSession, type SessionTable } from './sessionTable.ts';

export interface RequestCaller {
  session: SessionManager;
  /** the cookie value the session is kept under, when it came from one */
  cookie: string | null;
  /** the table key the session is kept under (a cookie, a token's hash, a sign-in's name); null: a throwaway */
  key: string | null;
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
 * `now`: ISO time for the token's last use; `signInAs`: the user name of an `auth.signIn`.
 */
export function callerOf(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  table: SessionTable<string>,
  office: Office,
  now: string,
  signInAs?: unknown,
): RequestCaller | { refused: CallError } {
  const token = bearerToken(headers.authorization);
  if (token) {
    const key = tokenKey(token);
    const kept = table.find(key);
    if (kept && kept.state() === 'active') return { session: kept, cookie: null, key };
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
    return { session, cookie: null, key };
  }
  const cookie = sessionCookie(headers.cookie);
  const { session, key } = cookieSession(table, cookie, signInAs);
  return { session, cookie: key === cookie ? cookie : null, key };
}
