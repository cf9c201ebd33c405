// --from/--to/--payer as every submission command reads them: a usage error (exit 2) names the option.
import type { Selection } from '../contract/billing.ts';
import { isRealDate } from '../import/dates.ts';
import { UsageError } from './errors.ts';

export function selectionOf(command: string, values: Record<string, string>): Selection {
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && !isRealDate(v)) throw new UsageError(`${command}: --${k} '${v}' is not a date (YYYY-MM-DD)`);
  }
  if (values.from && values.to && values.to < values.from) throw new UsageError(`${command}: --to ${values.to} is before --from ${values.from}`);
  return {
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.payer ? { payer: values.payer } : {}),
  };
}
