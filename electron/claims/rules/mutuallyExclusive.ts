// R-MX-1 … R-MX-8 Mutually exclusive codes (billing-rules §7, resources/codes/exclusiveCodes.json):
// the same patient may not have both sides billed on one date; one error per rule × patient ×
// date, on the first line of side b (or of side a for a one-sided rule).
import type { CodeSet } from '../../domain/types.ts';
import { EXCLUSIVE_RULES, inRanges } from '../codes.ts';
import { toIso } from '../dates.ts';
import type { Fact, FactSink } from '../types.ts';

export interface DatedCode<L> {
  code: string;
  codeSet: CodeSet;
  line: L;
}

export function exclusiveViolations<L>(sameDay: ReadonlyArray<DatedCode<L>>): Array<{ rule: string; codes: [string, string | null]; line: L }> {
  const out: Array<{ rule: string; codes: [string, string | null]; line: L }> = [];
  for (const rule of EXCLUSIVE_RULES) {
    const eligible = rule.codeSet ? sameDay.filter((c) => c.codeSet === rule.codeSet) : sameDay;
    const a = eligible.find((c) => inRanges(c.code, rule.a));
    if (!a) continue;
    if (rule.b === null) {
      out.push({ rule: rule.id, codes: [a.code, null], line: a.line });
      continue;
    }
    const b = eligible.find((c) => c !== a && inRanges(c.code, rule.b!));
    if (b) out.push({ rule: rule.id, codes: [a.code, b.code], line: b.line });
  }
  return out;
}

/** The errors for each patient × date's billed codes (every day of a span counts). */
export function checkExclusiveCodes(byPatientDay: ReadonlyMap<string, Array<DatedCode<Fact>>>, sink: FactSink): void {
  for (const [key, codes] of byPatientDay) {
    for (const v of exclusiveViolations(codes)) {
      const [patient] = key.split('|');
      sink.findings.push({
        severity: 'error', rule: v.rule, patient: patient!, day: v.line.day, code: v.codes[1] ?? v.codes[0], anchor: { line: v.line },
        message: v.codes[1]
          ? `${v.codes[0]} and ${v.codes[1]} may not be billed for the same patient on ${toIso(v.line.day)}`
          : `${v.codes[0]} is an S-code, which Medicare home infusion claims may not carry (${toIso(v.line.day)})`,
      });
    }
  }
}
