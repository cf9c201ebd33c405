// One October office per §12 profile (billing-rules.md §12.1): a payer added with the profile and
// therapies that put its rules to work. Built on the claim-rule fixture (test/claims/fixture.ts).
import { profileSettings } from '../../electron/domain/profiles.ts';
import type { Dataset, Payer, Product, ProfileId } from '../../electron/domain/types.ts';
import { dispense, NDC, office, PRODUCTS, therapy, visit } from '../claims/fixture.ts';

// charge master prices in micro-dollars beside the fixture's: S9563 $80, A4300 $350, J1642 $1.50, A9999 $12

export const FLUSH: Product = { ndc: '25021040205', name: 'Heparin lock flush 100 units/mL 5 mL', kind: 'supply', hcpcs: 'J1642', ndcUnit: 'ML' };
export const PORT: Product = { ndc: '12345000505', name: 'Implanted port', kind: 'supply', hcpcs: 'A4300' };
/** A not otherwise classified supply: its line carries the description (R-CL-12). */
export const MISC: Product = { ndc: '12345000606', name: 'Dressing change kit, sterile (misc.)', kind: 'supply', hcpcs: 'A9999' };
const PRODUCTS_12 = [...PRODUCTS, FLUSH, PORT, MISC];

const ORG = { name: 'Test Infusion', npi: '1234567893', taxId: '741234567', phone: '5125550100', address: { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '787011234' } };
const PAYER_ADDRESS = { line1: 'PO Box 1', city: 'Dallas', state: 'TX', zip: '75201' };

function profiledPayer(id: ProfileId): Payer {
  return { id, name: `Payer ${id}`, payerId: '12345', filingIndicator: id === 'wellcare-nc' ? 'MC' : 'BL', address: PAYER_ADDRESS, profile: id, settings: profileSettings(id), fees: {} };
}

const ceftriaxone = [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' as const } }];
const auth = [{ number: 'PA100', from: '2026-10-01', to: '2026-10-31' }];

/** What each office holds beside its payer; the patient P1 is covered by the profile's payer. */
const PARTS: Record<ProfileId, (payer: string) => Partial<Dataset>> = {
  // no authorization on file: only the VT TPN codes want one; SC therapy on its own terms; S9563
  'bcbs-vt': (payer) => ({
    therapies: [
      therapy({ id: 'T1', payer, stop: '2026-10-02', priorAuths: [], drugs: ceftriaxone }),
      therapy({ id: 'T2', payer, category: 'immunotherapyInjection', route: 'SC', schedule: { weekly: true }, stop: '2026-10-02', priorAuths: [] }),
      therapy({ id: 'T3', payer, category: 'tpn', qualifier: { litersPerDay: 1 }, stop: '2026-10-01', priorAuths: [], drugs: [{ ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }] }),
    ],
    dispenses: [
      dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2), dispense('D2', 'T3', '2026-10-01', NDC.intralipid, 250, 1),
      dispense('D3', 'T1', '2026-10-05', MISC.ndc, 1, 30),
    ],
  }),
  // SC without IV or RN not billed; J1642 never; a patient-owned pole repaired, not bundled
  'bcbs-nm': (payer) => hcsc(payer),
  'bcbs-tx': (payer) => hcsc(payer),
  // two-drug therapy (KP/KQ on paper), notes, the implanted port billed
  allways: (payer) => ({
    therapies: [therapy({ id: 'T1', payer, stop: '2026-10-02', priorAuths: auth, drugs: [...ceftriaxone, { ndc: NDC.vancomycin1g, dose: { amount: 1, unit: 'g' } }] })],
    dispenses: [
      dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2), dispense('D2', 'T1', '2026-10-01', NDC.vancomycin1g, 2, 2),
      dispense('D3', 'T1', '2026-10-01', PORT.ndc, 1, 30),
    ],
  }),
  // self-administered anti-infective, drugs to the pharmacy, T1030 with the per diem, U&C charges
  'wellcare-nc': (payer) => ({
    therapies: [therapy({ id: 'T1', payer, selfAdministered: true, stop: '2026-10-02', drugs: ceftriaxone })],
    dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2)],
    visits: [visit('V1', 'T1', '2026-10-01', '09:00', '11:20')],
  }),
};

function hcsc(payer: string): Partial<Dataset> {
  return {
    therapies: [
      therapy({ id: 'T1', payer, stop: '2026-10-02', priorAuths: auth, drugs: ceftriaxone }),
      therapy({ id: 'T2', payer, category: 'immunotherapyInjection', route: 'SC', schedule: { weekly: true }, start: '2026-10-03', stop: '2026-10-03', priorAuths: auth }),
    ],
    dispenses: [
      dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2), dispense('D2', 'T1', '2026-10-02', FLUSH.ndc, 5, 1),
      { ...dispense('D3', 'T1', '2026-10-01', NDC.ivPole, 1, 30), patientOwned: true },
    ],
  };
}

export function profileOffice(id: ProfileId): Dataset {
  const payer = profiledPayer(id);
  const base = office({ payers: [payer], products: PRODUCTS_12, ...PARTS[id](id) });
  return { ...base, organization: ORG, chargeMaster: { ...base.chargeMaster, S9563: 80_000_000, A4300: 350_000_000, J1642: 1_500_000, A9999: 12_000_000 }, patients: base.patients.map((p) => ({ ...p, address: ORG.address, coverages: p.coverages.map((c) => ({ ...c, payer: id })) })) };
}
