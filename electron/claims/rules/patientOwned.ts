// R-SU-4 Patient-owned equipment: maintenance or repair of the patient's own equipment (a dispense
// with patientOwned, e.g. S5035/S5036) is never bundled into the per diem — HCSC's bundle excludes
// "patient owned equipment" [HC11]; all payers. No finding.
import type { Dispense } from '../../domain/types.ts';

export function isPatientOwned(dispense: Dispense): boolean {
  return dispense.patientOwned === true;
}
