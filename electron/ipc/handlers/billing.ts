import type { BillingHandlers } from '../contract/billing.ts';
import { defineHandlers, type DomainHandlers } from '../define.ts';

// filled in as the services land (see docs/app.md)
export default defineHandlers<BillingHandlers>({} as DomainHandlers<BillingHandlers>);
