// R-CL-10 Timely filing: a line whose from date is more than `timelyFilingDays` before the build
// date is a warning.
export function pastTimelyFiling(lineFromDay: number, today: number, timelyFilingDays: number): boolean {
  return today - lineFromDay > timelyFilingDays;
}
