import type { SettingsHandlers } from '../contract/settings.ts';
import { defineHandlers, type DomainHandlers } from '../define.ts';

// filled in as the services land (see docs/app.md)
export default defineHandlers<SettingsHandlers>({} as DomainHandlers<SettingsHandlers>);
