// R-DR-7 Every drug line carries its 11-digit NDC (J codes without an NDC deny).
export function hasBillableNdc(ndc: string | null): boolean {
  return ndc !== null && /^\d{11}$/.test(ndc);
}

export function missingNdcMessage(code: string, ndc: string | null): string {
  return ndc
    ? `${code} line has NDC "${ndc}", which is not 11 digits; the payer will deny it`
    : `${code} line has no NDC; the payer will deny it`;
}
