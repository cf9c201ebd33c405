// --from/--to/--payer as every submission command reads them: a usage error (exit 2) names the option.
import type { Selection } from '../contract/billing.ts';
import { isRealDate } from '../import/dates.ts';
import { UsageError } from './errors.ts';

/** A date option's value, when given: a usage error (exit 2) naming the option when it is not YYYY-MM-DD. */
export function dateOption(command: string, option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isRealDate(value)) throw new UsageError(`${command}: --${option} '${value}' is not a date (YYYY-MM-DD)`);
  return value;
}

export function selectionOf(command: string, values: Record<string, string>): Selection {
  for (const k of ['from', 'to'] as const) dateOption(command, k, values[k]);
  if (values.from && values.to && values.to < values.from) throw new UsageError(`${command}: --to ${values.to} is before --from ${values.from}`);
  return {
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.payer ? { payer: values.payer } : {}),
  };
}
