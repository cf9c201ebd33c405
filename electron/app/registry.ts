// The one handler table: every domain's handlers merged, served to Electron IPC (shell/ipc.ts),
// to the loopback HTTP server (httpServer.ts) and in-process (CLI, tests).
import { ZodError } from 'zod';
import { appendAudit } from '../../db/repos/audit.ts';
import type { User } from '../../db/repos/users.ts';
import { UserError } from '../domain/errors.ts';
import { setActor } from '../../db/actor.ts';
import { RECOVERY_REQUESTS, auditRequest, guardRequest } from '../security/requests.ts';
import { PermissionError } from '../security/roles.ts';
import { auditPhiRead } from '../security/phiReads.ts';
import { LockedError } from '../security/sessions.ts';
import type { HandlerContext } from './context.ts';
import type { Handlers } from '../contract/index.ts';
import type { AnyFn, HandlerDef } from './define.ts';
import { FieldError } from '../domain/errors.ts';
import { ConflictError } from './versions.ts';
import type { CallError, CallResult } from '../contract/result.ts';

import app from './handlers/app.ts';
import billing from './handlers/billing.ts';
import settings from './handlers/settings.ts';
import patients from './handlers/patients.ts';
import therapies from './handlers/therapies.ts';
import visits from './handlers/visits.ts';
import dispenses from './handlers/dispenses.ts';
import auth from './handlers/auth.ts';
import admin from './handlers/admin.ts';
import claims from './handlers/claims.ts';
import remittances from './handlers/remittances.ts';
import secondaries from './handlers/secondaries.ts';
import assignments from './handlers/assignments.ts';
import hosting from './handlers/hosting.ts';
import patientPayments from './handlers/patientPayments.ts';

type AnyDomain = Record<string, HandlerDef<AnyFn>>;

export interface Registry {
  readonly names: readonly string[];
  has(name: string): boolean;
  /**
   * Never throws for bad input or user errors: those come back as `ok:false`. The session's
   * permission for `name` is checked first (requests.ts; a name not listed there is for
   * administrators only), the user becomes the audit actor, and builds, exports, prints and
   * imports get their audit row; a refused request is audited as `request.denied`.
   */
  call(ctx: HandlerContext, name: string, args: unknown): Promise<CallResult<unknown>>;
  /**
   * The permission check alone, for requests answered outside the table (the desktop shell's
   * file dialogs): null when the session may make the request, else the refusal to send back,
   * mapped and audited exactly as `call` would.
   */
  admit(ctx: HandlerContext, name: string): CallError | null;
}

/** `coverages[0].memberId` from zod's ['coverages', 0, 'memberId'] */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(arguments)';
}

export function toCallError(e: unknown): CallError | null {
  if (e instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of e.issues) {
      const key = fieldPath(issue.path);
      fields[key] ??= issue.message;
    }
    const list = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
    return { message: `Please correct ${list.length === 1 ? 'this field' : 'these fields'}: ${list.join('; ')}`, fields };
  }
  if (e instanceof FieldError) return { message: e.message, fields: { ...e.fields }, details: [...e.details] };
  if (e instanceof ConflictError) return { message: e.message, details: [...e.details], code: 'conflict' };
  if (e instanceof UserError) return e.details.length ? { message: e.message, details: [...e.details] } : { message: e.message };
  return null;
}

/** Arguments as the audit trail keeps them: long texts (an import file, a password never reaches here) shortened. */
export function auditArgs(args: unknown): unknown {
  if (typeof args === 'string') return args.length > 200 ? `<${args.length} characters>` : args;
  if (Array.isArray(args)) return args.map(auditArgs);
  if (args && typeof args === 'object') return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, auditArgs(v)]));
  return args;
}

/** Before a handler: the user it runs for, or the refusal to send back. */
function guard(ctx: HandlerContext, name: string): { user: User | null } | { refused: CallError } {
  const session = ctx.session;
  try {
    const user = guardRequest(session, name);
    setActor(ctx.db, user?.username ?? null);
    return { user };
  } catch (e) {
    if (e instanceof LockedError) return { refused: { message: e.message, code: 'locked' } };
    if (e instanceof PermissionError) {
      const who = session.current();
      appendAudit(ctx.db, { actor: who?.username ?? 'system', action: 'request.denied', entity: 'request', entityId: name, after: { role: e.role, needs: e.action, ...(ctx.via ? { via: ctx.via } : {}) } });
      return { refused: { message: `Not allowed: ${e.message}`, code: 'denied' } };
    }
    throw e;
  }
}

// One request at a time per office (or database). The audit actor belongs to the connection, so an async
// handler (a PDF render awaits) must not let another user's request change it half-way.
const queues = new WeakMap<object, Promise<unknown>>();
/** the queue of contexts without a store (unit tests of the table itself) */
const NO_STORE = {};
function oneAtATime<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
  queues.set(key, next.catch(() => undefined));
  return next;
}

export function createRegistry(domains: AnyDomain[]): Registry {
  const table = new Map<string, HandlerDef<AnyFn>>();
  for (const domain of domains) {
    for (const [name, def] of Object.entries(domain)) {
      if (table.has(name)) throw new Error(`handler '${name}' is defined twice`);
      table.set(name, def);
    }
  }
  return {
    names: [...table.keys()].sort(),
    has: (name) => table.has(name),
    admit: (ctx, name) => {
      const g = guard(ctx, name);
      return 'refused' in g ? g.refused : null;
    },
    // keyed by the office when there is one: a restore swaps its connection mid-queue
    call: (ctx, name, raw) => oneAtATime(ctx.office ?? ctx.db ?? NO_STORE, () => callNow(ctx, name, raw)),
  };

  async function callNow(ctx: HandlerContext, name: string, raw: unknown): Promise<CallResult<unknown>> {
    const def = table.get(name);
    if (!def) return { ok: false, error: { message: `unknown request '${name}'` } };
    if (ctx.office?.needsRecovery && !RECOVERY_REQUESTS.includes(name)) {
      // nothing of the office is open: the window asks auth.status again and shows the recovery screen
      return { ok: false, error: { message: "this computer does not hold the key of the office's data: enter the recovery key", code: 'locked' } };
    }
    const g = guard(ctx, name);
    if ('refused' in g) return { ok: false, error: g.refused };
    let ok = false;
    try {
      let args: unknown = raw;
      if (def.args) args = def.args.parse(raw);
      else if (raw !== undefined && raw !== null && !(typeof raw === 'object' && Object.keys(raw).length === 0)) {
        return { ok: false, error: { message: `'${name}' takes no arguments` } };
      } else args = undefined;
      const value = await def.run({ ...ctx, user: g.user }, args as never);
      // reading patient data is audited too: which patients this answer showed (phiReads.ts)
      auditPhiRead(ctx.db, g.user, name, args, value, ctx.via);
      ok = true;
      return { ok: true, value };
    } catch (e) {
      const known = toCallError(e);
      if (known) return { ok: false, error: known };
      // a bug, not the user's fault: keep the window alive and say so plainly
      console.error(`[perdiem] ${name} failed`, e);
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { message: `Unexpected problem in ${name}: ${message}` } };
    } finally {
      // a failed attempt is recorded too (who tried to import or export what): its data changes were rolled back
      auditRequest(ctx.db, g.user, name, auditArgs(raw), ok, ctx.via);
    }
  }
}

const DOMAINS = { app, billing, claims, settings, patients, therapies, visits, dispenses, auth, admin, remittances, assignments, hosting, secondaries, patientPayments };

/** The application's handler table. */
export function appRegistry(extra: AnyDomain[] = []): Registry {
  return createRegistry([...Object.values(DOMAINS), ...extra] as AnyDomain[]);
}

/** A typed in-process caller over the table (CLI, tests). */
export function inProcess(registry: Registry, ctx: HandlerContext) {
  return {
    call<K extends keyof Handlers & string>(
      name: K,
      ...args: Parameters<Handlers[K]> extends [] | [void] ? [] : Parameters<Handlers[K]>
    ): Promise<CallResult<ReturnType<Handlers[K]>>> {
      return registry.call(ctx, name, args[0]) as Promise<CallResult<ReturnType<Handlers[K]>>>;
    },
  };
}
