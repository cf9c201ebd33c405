// CARC (CAS reason) and RARC (LQ/MOA remark) codes in our own words with the usual next step
// (resources/codes/carc.json, rarc.json), and X12's official text beside them when the office
// supplies its licensed copy as a CSV/TSV file (835.md §15). An unknown code shows as itself.
import carc from '../../resources/codes/carc.json' with { type: 'json' };
import rarc from '../../resources/codes/rarc.json' with { type: 'json' };
import { parseDelimited } from './delimitedText.ts';

export type CodeGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR' | 'RARC';

interface OwnWords {
  words: string;
  nextStep: string;
}

export interface Explanation {
  group: CodeGroup;
  code: string;
  /** "Contractual obligation (CO-45): The charge is more than…" or the code itself when unknown */
  words: string;
  nextStep: string | null;
  /** X12's description from the office's file, when loaded and known */
  official?: string;
}

/** Official descriptions by code, one map per list. */
export interface OfficialCodes {
  carc: ReadonlyMap<string, string>;
  rarc: ReadonlyMap<string, string>;
}

const OWN_CARC: Readonly<Record<string, OwnWords>> = carc.codes;
const OWN_RARC: Readonly<Record<string, OwnWords>> = rarc.codes;

/** CAS01 groups (835.md §5): who carries the amount. */
export const GROUP_WORDS: Readonly<Record<Exclude<CodeGroup, 'RARC'>, string>> = {
  CO: 'Contractual obligation: written off, not billable to the patient',
  PR: 'Patient responsibility: the patient or the next payer owes it',
  OA: 'Other adjustment',
  PI: 'Payer-initiated reduction: not the patient\'s, and not from our contract',
  CR: 'Correction or reversal (a 4010 group no longer valid in 5010)',
};

export function explain(group: CodeGroup, code: string, official?: OfficialCodes): Explanation {
  const key = code.trim().toUpperCase();
  const own = group === 'RARC' ? OWN_RARC[key] : OWN_CARC[key];
  const label = group === 'RARC' ? `Remark ${key}` : `${GROUP_WORDS[group]} (${group}-${key})`;
  const text = (group === 'RARC' ? official?.rarc : official?.carc)?.get(key);
  return {
    group,
    code: key,
    words: own ? `${label}: ${own.words}` : group === 'RARC' ? key : `${group}-${key}`,
    nextStep: own?.nextStep ?? null,
    ...(text !== undefined ? { official: text } : {}),
  };
}

/**
 * Reads the office's copy of X12's published list: one code and its description a row, comma or
 * tab separated, quotes allowed, a header row (or any row whose first cell is not a code) skipped.
 */
export function loadOfficialCodes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code = '', description = ''] of parseDelimited(text)) {
    const key = code.trim().toUpperCase();
    if (/^[A-Z]{0,2}\d{1,4}$|^[A-Z]\d{0,3}$/.test(key) && description.trim() !== '') out.set(key, description.trim());
  }
  return out;
}
