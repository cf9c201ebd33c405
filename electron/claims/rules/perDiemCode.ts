// R-PD-4 Per diem code from the therapy's category and qualifier (§8 tables in resources/codes),
// or the therapy's explicit override; the Medicare code set never bills S-codes.
import type { CodeSet, Therapy } from '../../domain/types.ts';
import { PER_DIEM_TABLES, type PerDiemRule } from '../codes.ts';

export type PerDiemCodeResult = { code: string } | { none: true } | { error: string };

function fromRule(rule: PerDiemRule, therapy: Therapy): string {
  if ('code' in rule) return rule.code;
  const q = therapy.qualifier ?? {};
  if (rule.by === 'everyHours') {
    const s = therapy.schedule;
    return ('everyHours' in s ? rule.map[String(s.everyHours)] : undefined) ?? rule.otherwise;
  }
  if (rule.by === 'litersPerDay') {
    const l = q.litersPerDay;
    if (typeof l !== 'number' || !Number.isFinite(l) || l <= 0) return rule.unknown;
    for (const [limit, code] of rule.upTo) if (l <= limit) return code;
    return rule.above;
  }
  const value = rule.by === 'mode' ? q.mode : q.lumen;
  return (value ? rule.map[value] : undefined) ?? rule.unknown;
}

export function perDiemCode(therapy: Therapy, codeSet: CodeSet): PerDiemCodeResult {
  if (codeSet === 'medicare-hit') return { none: true };
  if (therapy.perDiemCode) return { code: therapy.perDiemCode };
  const rule = PER_DIEM_TABLES[codeSet].categories[therapy.category];
  if (rule) return { code: fromRule(rule, therapy) };
  return codeSet === 'medicaid-nc'
    ? { error: `Therapy ${therapy.id}: NC Medicaid does not cover a per diem for category "${therapy.category}"; no per diem is billed` }
    : { error: `Therapy ${therapy.id}: no per diem code for category "${therapy.category}"; set the therapy's per diem code` };
}
