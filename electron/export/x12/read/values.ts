// Element values as X12 writes them, read back: R amounts to integer cents, D8 dates to ISO.

const CENTS = /^-?\d+(\.\d{1,2})?$/;

/** Null for anything that is not an amount with at most 2 decimals, so money never goes through floats. */
export function cents(v: string | undefined): number | null {
  if (v === undefined || !CENTS.test(v)) return null;
  const [w, f = ''] = v.replace('-', '').split('.');
  const c = Number(w) * 100 + Number(f.padEnd(2, '0'));
  return v.startsWith('-') ? -c : c;
}

/** Reshapes without checking: callers test the 8 digits and isRealDate() as their message needs. */
export function d8ToIso(v: string): string {
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}
