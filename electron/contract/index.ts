// The one typed contract: request name → (args) → result, for every domain. Imported as types only
// by the shell, the preload and the renderer.
import type { AppHandlers } from './app.ts';
import type { BillingHandlers } from './billing.ts';
import type { SettingsHandlers } from './settings.ts';
import type { PatientsHandlers } from './patients.ts';
import type { TherapiesHandlers } from './therapies.ts';
import type { VisitsHandlers } from './visits.ts';
import type { DispensesHandlers } from './dispenses.ts';
import type { ShellHandlers } from './shell.ts';
import type { AuthHandlers } from './auth.ts';
import type { AdminHandlers } from './admin.ts';
import type { ClaimsHandlers } from './claims.ts';
import type { RemittancesHandlers } from './remittances.ts';
import type { AssignmentsHandlers } from './assignments.ts';
import type { HostingHandlers } from './hosting.ts';
import type { SecondariesHandlers } from './secondaries.ts';
import type { PatientPaymentsHandlers } from './patientPayments.ts';

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
  AdminHandlers &
  ClaimsHandlers &
  RemittancesHandlers &
  AssignmentsHandlers &
  HostingHandlers &
  SecondariesHandlers &
  PatientPaymentsHandlers;

/** Everything the renderer may ask for in the desktop app: the table plus native dialogs. */
export type Channels = Handlers & ShellHandlers;

export type ChannelName = keyof Channels & string;
export type ArgsOf<K extends ChannelName> = Parameters<Channels[K]>[0];
export type ResultOf<K extends ChannelName> = ReturnType<Channels[K]>;
