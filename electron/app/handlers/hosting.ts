// "Host this office" (contract/hosting.ts): the desktop app's hosting, for administrators only
// (requests.ts). The hosting itself lives with the app's shell (hosting/hostController.ts) and
// reaches the handlers through the context; the office server and the command line have none.
import { z } from 'zod';
import type { HostingHandlers, OfficeHosting } from '../../contract/hosting.ts';
import { UserError } from '../../domain/errors.ts';
import type { HandlerContext } from '../context.ts';
import { defineHandlers } from '../define.ts';

/** an IPv4 address, an IPv6 one, or localhost: the office server listens on an address of this computer */
const ADDRESS = /^(localhost|(\d{1,3})(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

const choice = z.object({
  host: z
    .string()
    .trim()
    .regex(ADDRESS, 'is not an address of this computer (e.g. 192.168.1.20, or 0.0.0.0 for all of them)')
    .refine((h) => !/^\d/.test(h) || h.split('.').every((n) => Number(n) <= 255), 'is not an IPv4 address (each part 0–255)'),
  port: z.number().int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535'),
  startAtLaunch: z.boolean(),
});

function hostingOf(ctx: HandlerContext): OfficeHosting {
  if (!ctx.hosting) throw new UserError('This office is not hosted from here: only the Perdiem app on the computer that holds the office can host it (or `perdiem serve` there).');
  return ctx.hosting;
}

export default defineHandlers<HostingHandlers>({
  'hosting.status': { run: (ctx) => hostingOf(ctx).status() },
  'hosting.start': { args: choice, run: (ctx, c) => hostingOf(ctx).start(c) },
  'hosting.stop': { run: (ctx) => hostingOf(ctx).stop() },
});
