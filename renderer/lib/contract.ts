// The contract as the renderer sees it: the one module that imports it (so moving the contract
// touches one import here), plus the typed caller the state classes take. The caller is declared
// from the contract alone, not from api.ts (which touches `window`), so state classes and their
// tests stay free of the DOM; the app's `api` satisfies it.
import type { CallResult, ChannelName, Channels } from '../../electron/contract/index.ts';

export type { ArgsOf, CallError, CallResult, ChannelName, Channels, FilePayload } from '../../electron/contract/index.ts';
export type * from '../../electron/contract/admin.ts';
export type * from '../../electron/contract/app.ts';
export type * from '../../electron/contract/auth.ts';
export type * from '../../electron/contract/billing.ts';
export type * from '../../electron/contract/claims.ts';
export type * from '../../electron/contract/dispenses.ts';
export type * from '../../electron/contract/hosting.ts';
export type * from '../../electron/contract/patients.ts';
export type * from '../../electron/contract/patientPayments.ts';
export type * from '../../electron/contract/remittances.ts';
export type * from '../../electron/contract/secondaries.ts';
export type * from '../../electron/contract/settings.ts';
export type * from '../../electron/contract/therapies.ts';
export type * from '../../electron/contract/visits.ts';

/** the arguments of a call: none when the handler takes none */
export type ArgList<K extends ChannelName> = Parameters<Channels[K]> extends [] | [void] | [undefined] ? [] : Parameters<Channels[K]>;
export type Result<K extends ChannelName> = ReturnType<Channels[K]>;

/**
 * A record as a form holds it, before the handler's check: any field may be left out or blank,
 * and a number may still be the text typed (the check then names the field). The handlers check
 * every record they receive, so this is what a form may honestly send.
 */
export type Draft<T> = { [K in keyof T]?: DraftValue<T[K]> };

type DraftValue<T> = T extends string | boolean
  ? T | null | undefined
  : T extends number
    ? number | string | null | undefined
    : T extends readonly (infer E)[]
      ? DraftValue<E>[] | null | undefined
      : T extends object
        ? Draft<T> | null | undefined
        : T | null | undefined;

/** the arguments a form sends: the call's, as a draft */
export type DraftOf<K extends ChannelName> = Draft<Parameters<Channels[K]>[0]>;

export interface Caller {
  call<K extends ChannelName>(name: K, ...args: ArgList<K>): Promise<CallResult<Result<K>>>;
  /** sends a form's record as typed; the handler checks it and names each wrong field */
  submit<K extends ChannelName>(name: K, draft: DraftOf<K>): Promise<CallResult<Result<K>>>;
}
