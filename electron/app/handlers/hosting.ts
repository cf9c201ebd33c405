// "Host this office" (contract/hosting.ts): the desktop app's hosting, for administrators only
// (requests.ts). The hosting itself lives with the app's shell (hosting/hostController.ts) and
// reaches the handlers through the context; the office server and the command line have none.
import { isIP } from 'node:net';
import { z } from 'zod';
import type { HostingHandlers, OfficeHosting } from '../../contract/hosting.ts';
import { UserError } from '../../domain/errors.ts';
import type { HandlerContext } from '../context.ts';
import { defineHandlers } from '../define.ts';

/** digits and dots: meant as an IPv4 address, so a wrong one is told as such */
const dotted = (h: string) => /^[\d.]+$/.test(h);

/** an IPv4 address, an IPv6 one, or localhost: the office server listens on an address of this computer */
const choice = z.object({
  host: z
    .string()
    .trim()
    .refine((h) => h === 'localhost' || isIP(h) !== 0 || dotted(h), 'is not an address of this computer (e.g. 192.168.1.20, or 0.0.0.0 for all of them)')
    .refine((h) => !dotted(h) || isIP(h) === 4, 'is not an IPv4 address (each part 0–255)'),
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
