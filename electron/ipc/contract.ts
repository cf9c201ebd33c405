// The one typed contract: request name → (args) → result, for every domain. Imported as types only
// by the shell, the preload and the renderer.
import type { AppHandlers } from './contract/app.ts';
import type { BillingHandlers } from './contract/billing.ts';
import type { SettingsHandlers } from './contract/settings.ts';
import type { PatientsHandlers } from './contract/patients.ts';
import type { TherapiesHandlers } from './contract/therapies.ts';
import type { VisitsHandlers } from './contract/visits.ts';
import type { DispensesHandlers } from './contract/dispenses.ts';
import type { ShellHandlers } from './contract/shell.ts';
import type { AuthHandlers } from './contract/auth.ts';
import type { AdminHandlers } from './contract/admin.ts';

export type { CallError, CallResult, FilePayload } from './result.ts';

/** Served by every transport (IPC, loopback HTTP, in-process). */
export type Handlers = AppHandlers &
  BillingHandlers &
  SettingsHandlers &
  PatientsHandlers &
  TherapiesHandlers &
  VisitsHandlers &
  DispensesHandlers &
  AuthHandlers &
  AdminHandlers;

/** Everything the renderer may ask for in the desktop app: the table plus native dialogs. */
export type Channels = Handlers & ShellHandlers;

export type ChannelName = keyof Channels & string;
export type ArgsOf<K extends ChannelName> = Parameters<Channels[K]>[0];
export type ResultOf<K extends ChannelName> = ReturnType<Channels[K]>;
