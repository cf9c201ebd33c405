// Money as a biller reads it, from the integer cents every layer keeps: one spelling for the
// 835 balance messages, secondary-claim checks, remittance pages, statements and payment refusals.

/** 160200 → "1,602.00", -1350 → "-13.50": the figures as a biller reads them. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
