// How a domain writes its handlers. Import this (not registry.ts) from handlers/<domain>.ts so a
// domain never pulls in the others.
//
//   export default defineHandlers<PatientsHandlers>({
//     'patients.get': { args: z.object({ id: z.string() }), run: (ctx, { id }) => getPatient(ctx.db, id) },
//   });
//
// `args` is a zod schema checked at the boundary (bad input becomes `{ ok:false, error:{fields} }`);
// `run(ctx, args)` may throw UserError / FieldError for problems a biller must fix.
import type { z } from 'zod';
import type { HandlerContext } from './context.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFn = (args: any) => unknown;
export type HandlerMap = Record<string, AnyFn>;

export type ArgsOf<F> = F extends (args: infer A) => unknown ? A : never;
export type ResultOf<F> = F extends (args: never) => infer R ? R : never;

export interface HandlerDef<F extends AnyFn> {
  /** for handlers without arguments use `z.void()` or `z.undefined()` (or omit it: no arguments are accepted) */
  args?: z.ZodType<ArgsOf<F>>;
  run(ctx: HandlerContext, args: ArgsOf<F>): ResultOf<F> | Promise<ResultOf<F>>;
}

export type DomainHandlers<H extends HandlerMap> = { [K in keyof H]: HandlerDef<H[K]> };

export function defineHandlers<H extends HandlerMap>(defs: DomainHandlers<H>): DomainHandlers<H> {
  return defs;
}
