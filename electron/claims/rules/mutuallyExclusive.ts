// R-MX-1 … R-MX-8 Mutually exclusive codes (billing-rules §7, resources/codes/exclusiveCodes.json):
// the same patient may not have both sides billed on one date — counting the lines of this build
// and those already on exported (not void) claims or pending corrections, so an S9810 built today
// is caught against a per diem exported last week. One error per rule × patient × date, on a line
// of this build: the first of side b (or of side a for a one-sided rule), else the first of side a.
import type { CodeSet } from '../../domain/types.ts';
import { EXCLUSIVE_RULES, inRanges } from '../codes.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import { pushMap } from '../facts/fact.ts';
import type { Fact, FactSink } from '../types.ts';

export interface DatedCode<L> {
  code: string;
  codeSet: CodeSet;
  /** a line of this build, or null for one already on an exported claim */
  line: L | null;
  /** the exported claim of a line that is not of this build */
  claim?: string;
}

export interface ExclusiveViolation<L> {
  rule: string;
  codes: [string, string | null];
  /** where the error goes: a line of this build */
  line: L;
  /** the other side when it is already on an exported claim */
  exported: DatedCode<L> | null;
}

type Current<L> = DatedCode<L> & { line: L };

const isCurrent = <L>(c: DatedCode<L>): c is Current<L> => c.line !== null;

export function exclusiveViolations<L>(sameDay: ReadonlyArray<DatedCode<L>>): Array<ExclusiveViolation<L>> {
  const out: Array<ExclusiveViolation<L>> = [];
  for (const rule of EXCLUSIVE_RULES) {
    const eligible = rule.codeSet ? sameDay.filter((c) => c.codeSet === rule.codeSet) : sameDay;
    const sideA = eligible.filter((c) => inRanges(c.code, rule.a));
    if (sideA.length === 0) continue;
    if (rule.b === null) {
      const a = sideA.find(isCurrent);
      if (a) out.push({ rule: rule.id, codes: [a.code, null], line: a.line, exported: null });
      continue;
    }
    const sideB = eligible.filter((c) => inRanges(c.code, rule.b!));
    const b = sideB.find((c) => isCurrent(c) && sideA.some((x) => x !== c));
    if (b) {
      const a = sideA.find((x) => x !== b)!;
      out.push({ rule: rule.id, codes: [a.code, b.code], line: b.line!, exported: isCurrent(a) ? null : a });
      continue;
    }
    const a = sideA.find((x) => isCurrent(x) && sideB.some((y) => y !== x));
    if (a) {
      const other = sideB.find((y) => y !== a)!;
      out.push({ rule: rule.id, codes: [a.code, other.code], line: a.line!, exported: isCurrent(other) ? null : other });
    }
  }
  return out;
}

/**
 * Adds the codes of exported keys (the store passes each live key's code) to the patient × dates
 * this build bills, after the build's own lines, in claim and code order.
 */
function withExported(ctx: EngineContext, byPatientDay: ReadonlyMap<string, Array<DatedCode<Fact>>>): ReadonlyMap<string, Array<DatedCode<Fact>>> {
  const keys = ctx.options.exported?.keys;
  if (!keys || keys.size === 0) return byPatientDay;
  const extra = new Map<string, Array<DatedCode<Fact>>>();
  for (const prior of keys.values()) {
    const at = `${prior.patient}|${toDay(prior.date)}`;
    const payer = ctx.payers.get(prior.payer);
    if (prior.code === undefined || !payer || !byPatientDay.has(at)) continue;
    pushMap(extra, at, { code: prior.code, codeSet: payer.settings.codeSet, line: null, claim: prior.claim });
  }
  if (extra.size === 0) return byPatientDay;
  const merged = new Map(byPatientDay);
  for (const [at, list] of extra) {
    list.sort((x, y) => (x.claim! < y.claim! ? -1 : x.claim! > y.claim! ? 1 : x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    merged.set(at, [...byPatientDay.get(at)!, ...list]);
  }
  return merged;
}

/** The errors for each patient × date's billed codes (every day of a span counts). */
export function checkExclusiveCodes(ctx: EngineContext, byPatientDay: ReadonlyMap<string, Array<DatedCode<Fact>>>, sink: FactSink): void {
  for (const [key, codes] of withExported(ctx, byPatientDay)) {
    for (const v of exclusiveViolations(codes)) {
      const [patient] = key.split('|');
      const date = toIso(v.line.day);
      const own = v.line.code;
      sink.findings.push({
        severity: 'error', rule: v.rule, patient: patient!, day: v.line.day, code: own, anchor: { line: v.line },
        message: v.codes[1] === null
          ? `${v.codes[0]} is an S-code, which Medicare home infusion claims may not carry (${date})`
          : v.exported
            ? `${own} may not be billed for the same patient on ${date}: ${v.exported.code} is already on exported claim ${v.exported.claim}`
            : `${v.codes[0]} and ${v.codes[1]} may not be billed for the same patient on ${date}`,
      });
    }
  }
}
