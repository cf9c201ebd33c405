// Cents as the command line prints them: plain amounts in tables and JSON-like columns, dollars in sentences.

/** 1234 → "12.34" */
export const amount = (cents: number): string => (cents / 100).toFixed(2);

/** 1234 → "$12.34", -1234 → "-$12.34" */
export const dollars = (cents: number): string => `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;
