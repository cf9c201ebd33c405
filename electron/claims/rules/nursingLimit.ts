// R-NV-6 Payer setting `nursingMaxHoursPerDay`: more signed visit minutes per patient × payer ×
// date is a warning.
export function overNursingLimit(minutes: number, maxHoursPerDay: number | null): boolean {
  return maxHoursPerDay !== null && minutes > maxHoursPerDay * 60;
}
