// R-DR-1: NDCs are stored and billed as 11 digits (5-4-2, no hyphens).

export type NdcResult = { ok: true; ndc: string } | { ok: false; error: string };

// Each hyphenated 10-digit layout gets its missing zero in a different segment.
const LAYOUTS: { re: RegExp; to11: (l: string, p: string, k: string) => string }[] = [
  { re: /^(\d{4})-(\d{4})-(\d{2})$/, to11: (l, p, k) => `0${l}${p}${k}` },
  { re: /^(\d{5})-(\d{3})-(\d{2})$/, to11: (l, p, k) => `${l}0${p}${k}` },
  { re: /^(\d{5})-(\d{4})-(\d{1})$/, to11: (l, p, k) => `${l}${p}0${k}` },
  { re: /^(\d{5})-(\d{4})-(\d{2})$/, to11: (l, p, k) => `${l}${p}${k}` },
];

export const NDC_AMBIGUOUS = '10 digits without hyphens is ambiguous';

/** Accepts 4-4-2, 5-3-2, 5-4-1, 5-4-2 (hyphenated) or 11 plain digits; an unhyphenated 10-digit NDC is ambiguous. */
export function normalizeNdc(input: string): NdcResult {
  const s = input.trim();
  if (/^\d{11}$/.test(s)) return { ok: true, ndc: s };
  if (/^\d{10}$/.test(s)) return { ok: false, error: NDC_AMBIGUOUS };
  for (const { re, to11 } of LAYOUTS) {
    const m = re.exec(s);
    if (m) return { ok: true, ndc: to11(m[1]!, m[2]!, m[3]!) };
  }
  return { ok: false, error: `'${input}' is not an NDC (use 4-4-2, 5-3-2, 5-4-1 or 5-4-2 with hyphens, or 11 digits)` };
}

/** 11 digits → 5-4-2 with hyphens, for people to read. */
export function formatNdc(ndc11: string): string {
  return /^\d{11}$/.test(ndc11) ? `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}` : ndc11;
}
