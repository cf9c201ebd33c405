// R-CL-3: ICD-10-CM codes are kept with their dot as entered (the exporters drop it).
// Shape: letter, digit, alphanumeric category; then a dot and 1–4 alphanumerics, or nothing.
const WITH_DOT = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;
const WITHOUT_DOT = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/;

export type Icd10Result = { ok: true; code: string } | { ok: false; error: string };

export function normalizeIcd10(input: string): Icd10Result {
  const code = input.trim().toUpperCase();
  if (WITH_DOT.test(code)) return { ok: true, code };
  if (WITHOUT_DOT.test(code)) {
    return { ok: false, error: `'${input}' needs its dot (${code.slice(0, 3)}.${code.slice(3)})` };
  }
  return { ok: false, error: `'${input}' is not an ICD-10-CM code (e.g. L03.115, E86.0, I10)` };
}
