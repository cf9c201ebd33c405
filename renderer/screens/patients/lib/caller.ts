// What the chart's state classes need of the renderer's api: `call`, typed by the contract.
// Declared here from the contract alone (not from lib/api.ts, which touches `window`) so the
// state classes and their tests stay free of the DOM; the app's `api` satisfies it.
import type { CallResult, ChannelName, Channels } from '../../../../electron/contract/index.ts';

type ArgList<K extends ChannelName> = Parameters<Channels[K]> extends [] | [void] | [undefined] ? [] : Parameters<Channels[K]>;

export interface Caller {
  call<K extends ChannelName>(name: K, ...args: ArgList<K>): Promise<CallResult<ReturnType<Channels[K]>>>;
}
