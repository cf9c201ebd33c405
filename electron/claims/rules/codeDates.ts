// R-CL-13 Code dates: a line with any date outside its code's from/to range is an error, one per
// claim × code. The payer's `codeDates` (BCBS VT: "Effective 04/01/2023: … added code S9563" [VT7];
// "Codes G0088, G0089, G0090 new codes effective 01/01/2021" [VT3]) wins over the product's own
// table (resources/codes/codeDates.json).
import codeDatesTable from '../../../resources/codes/codeDates.json' with { type: 'json' };
import { inCodeList } from '../../domain/codeLists.ts';
import type { CodeDates, PayerSettings } from '../../domain/types.ts';
import { toIso } from '../dates.ts';

const PRODUCT_CODE_DATES: Readonly<Record<string, CodeDates>> = codeDatesTable.codes;

function entryFor(code: string, table: Readonly<Record<string, CodeDates>>): CodeDates | null {
  for (const [key, dates] of Object.entries(table)) if (inCodeList(code, [key])) return dates;
  return null;
}

/** The dates `code` is valid for with this payer, null when nothing limits it. */
export function codeDatesFor(code: string, settings: PayerSettings): CodeDates | null {
  return entryFor(code, settings.codeDates) ?? entryFor(code, PRODUCT_CODE_DATES);
}

/** The error when a line of `from`..`to` (days) lies partly outside the code's dates, else null. */
export function outsideCodeDates(code: string, from: number, to: number, settings: PayerSettings): string | null {
  const dates = codeDatesFor(code, settings);
  if (!dates) return null;
  const first = toIso(from);
  const last = toIso(to);
  if ((dates.from && first < dates.from) || (dates.to && last > dates.to)) {
    const valid = `${dates.from ? `from ${dates.from}` : ''}${dates.from && dates.to ? ' ' : ''}${dates.to ? `to ${dates.to}` : ''}`;
    return `${code} is valid ${valid}; this claim bills it on a date outside that`;
  }
  return null;
}
