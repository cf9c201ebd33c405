// Hand-built offices for rule tests: small defaults that each test overrides where it matters.
// Built as Dataset objects directly (no import), so a test can also feed data import would refuse.
import { buildClaims } from '../../electron/claims/index.ts';
import type { ExportedFacts } from '../../electron/claims/types.ts';
import type { BuildResult, Claim, ClaimLine, Finding } from '../../electron/domain/claims.ts';
import { withDefaults } from '../../electron/domain/settings.ts';
import type { Dataset, Dispense, Nurse, Patient, Payer, PayerSettings, Product, Therapy, Visit } from '../../electron/domain/types.ts';

export const $ = (dollars: number): number => Math.round(dollars * 1_000_000);

export const NDC = {
  ceftriaxone2g: '00409733201',
  vancomycin1g: '63323028420',
  ivig: '00944270004',
  intralipid: '00338051913',
  clinimix: '00338113304',
  cefazolin1g: '00143992490',
  heparin: '63323054701',
  factor: '00026037850',
  amphoB: '63323020601',
  ivPole: '12345000101',
  tubing: '12345000202',
  saline: '12345000303',
  methotrexate: '00703367101',
} as const;

export const PRODUCTS: Product[] = [
  { ndc: NDC.ceftriaxone2g, name: 'Ceftriaxone 2 g vial', kind: 'drug', hcpcs: 'J0696', hcpcsUnit: { amount: 250, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 2000, unit: 'mg' }, containerSize: 1, singleDose: true },
  { ndc: NDC.vancomycin1g, name: 'Vancomycin 1 g vial', kind: 'drug', hcpcs: 'J3370', hcpcsUnit: { amount: 500, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 1000, unit: 'mg' }, containerSize: 1, singleDose: true },
  { ndc: NDC.ivig, name: 'Immune globulin 10% 100 mL', kind: 'drug', hcpcs: 'J1569', hcpcsUnit: { amount: 500, unit: 'mg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 100, unit: 'mg' }, containerSize: 100, singleDose: true },
  { ndc: NDC.intralipid, name: 'Intralipid 20% 250 mL', kind: 'drug', hcpcs: 'B4185', hcpcsUnit: { amount: 10, unit: 'g' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 0.2, unit: 'g' }, containerSize: 250, singleDose: true, tpnIncluded: false },
  { ndc: NDC.clinimix, name: 'Clinimix E 1000 mL', kind: 'drug', hcpcs: 'B4189', hcpcsUnit: { amount: 1, unit: 'mL' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 1, unit: 'mL' }, containerSize: 1000, singleDose: false, tpnIncluded: true },
  { ndc: NDC.cefazolin1g, name: 'Cefazolin 1 g vial', kind: 'drug', hcpcs: 'J0690', hcpcsUnit: { amount: 500, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 1, unit: 'g' }, containerSize: 1, singleDose: true },
  { ndc: NDC.heparin, name: 'Heparin 1000 units/mL 10 mL multi-dose', kind: 'drug', hcpcs: 'J1644', hcpcsUnit: { amount: 1000, unit: 'units' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 1000, unit: 'units' }, containerSize: 10, singleDose: false },
  { ndc: NDC.factor, name: 'Antihemophilic factor 1000 IU', kind: 'drug', hcpcs: 'J7192', hcpcsUnit: { amount: 1, unit: 'IU' }, ndcUnit: 'F2', drugPerNdcUnit: { amount: 1, unit: 'IU' }, containerSize: 1000, singleDose: true },
  { ndc: NDC.amphoB, name: 'Amphotericin B 50 mg vial', kind: 'drug', hcpcs: 'J0285', hcpcsUnit: { amount: 50, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 50, unit: 'mg' }, containerSize: 1, singleDose: true },
  { ndc: NDC.methotrexate, name: 'Methotrexate 50 mg/2 mL', kind: 'drug', hcpcs: 'J9250', hcpcsUnit: { amount: 5, unit: 'mg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 25, unit: 'mg' }, containerSize: 2, singleDose: true },
  { ndc: NDC.ivPole, name: 'IV pole', kind: 'supply', hcpcs: 'E0776' },
  { ndc: NDC.tubing, name: 'Extension tubing', kind: 'supply', hcpcs: 'A4222' },
  { ndc: NDC.saline, name: 'Saline 500 mL', kind: 'supply', hcpcs: 'J7050', hcpcsUnit: { amount: 250, unit: 'mL' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 500, unit: 'mL' } },
];

export const CHARGE_MASTER: Record<string, number> = Object.fromEntries(
  Object.entries({
    S9500: 120, S9501: 130, S9502: 165, S9503: 180, S9504: 210, S9497: 220, S9494: 150, S9373: 80, S9374: 85, S9375: 95, S9376: 100, S9377: 105,
    S9364: 200, S9365: 225, S9366: 230, S9338: 300, S9345: 250, S9336: 90, S9372: 60, S9329: 260, S9330: 270, S9325: 140, S9326: 150, S9810: 50,
    S9537: 70, S9379: 40, S9559: 45, S9208: 75,
    '99601': 180, '99602': 90, G0068: 100, G0069: 110, G0070: 120, G0088: 150, G0089: 160, G0090: 170, T1030: 95, T1002: 12,
    J0696: 4.25, J3370: 9.5, J1569: 48, B4185: 22, B4189: 1, J0690: 3, J1644: 0.5, J7192: 1.1, J0285: 30, J9250: 2.5, A4222: 5, E0776: 40, J7050: 4,
  }).map(([k, v]) => [k, $(v)]),
);

export function payer(id: string, settings: Partial<PayerSettings> = {}, feesInDollars: Record<string, number> = {}): Payer {
  return {
    id, name: `Payer ${id}`, payerId: '12345', filingIndicator: 'CI', address: null,
    settings: withDefaults(settings), fees: Object.fromEntries(Object.entries(feesInDollars).map(([k, v]) => [k, $(v)])),
  };
}

export function patient(id: string, payers: string[] = ['bc']): Patient {
  return {
    id, firstName: 'Pat', lastName: id, dob: '1960-01-01', sex: 'F',
    coverages: payers.map((p, i) => ({ payer: p, priority: (i + 1) as 1 | 2 | 3, memberId: `M${id}`, relationship: 'self' })),
  };
}

export function therapy(over: Partial<Therapy> & { id: string }): Therapy {
  return {
    patient: 'P1', payer: 'bc', category: 'antiInfective', qualifier: null, route: 'IV', selfAdministered: false, perDiemCode: null,
    schedule: { everyHours: 24 }, start: '2026-10-01', stop: '2026-10-31', holds: [], doses: [], diagnoses: ['A41.9'], prescriber: 'dr1',
    priorAuths: [{ number: 'PA1', from: '2026-01-01', to: '2026-12-31' }], drugs: [],
    ...over,
  };
}

export function dispense(id: string, therapyId: string, date: string, ndc: string, quantity: number, daysSupply: number): Dispense {
  return { id, therapy: therapyId, date, ndc, quantity, daysSupply };
}

export function visit(id: string, therapyId: string, date: string, arrival: string, departure: string, over: Partial<Visit> = {}): Visit {
  return { id, patient: 'P1', therapy: therapyId, nurse: 'rn1', date, arrival, departure, signed: true, ...over };
}

export const NURSES: Nurse[] = [
  { id: 'rn1', firstName: 'Rita', lastName: 'Nurse', credential: 'RN', npi: '1456789019' },
  { id: 'lpn1', firstName: 'Lee', lastName: 'Practical', credential: 'LPN' },
];

export function office(parts: Partial<Dataset> = {}): Dataset {
  return {
    organization: { name: 'Test Infusion', npi: '1234567893', taxId: '741234567' },
    clearinghouse: null,
    chargeMaster: { ...CHARGE_MASTER },
    payers: [payer('bc')],
    prescribers: [{ id: 'dr1', firstName: 'Ann', lastName: 'Lee', npi: '1992753883' }, { id: 'dr2', firstName: 'Raj', lastName: 'Patel', npi: '1765432103' }],
    nurses: NURSES,
    products: PRODUCTS,
    patients: [patient('P1')],
    therapies: [],
    dispenses: [],
    visits: [],
    ...parts,
  };
}

export function build(ds: Dataset, opts: { from?: string; to?: string; today?: string; payer?: string; exported?: ExportedFacts } = {}): BuildResult {
  return buildClaims(
    ds,
    { from: opts.from ?? '2026-10-01', to: opts.to ?? '2026-10-31', ...(opts.payer ? { payer: opts.payer } : {}) },
    { today: opts.today ?? '2026-11-05', ...(opts.exported ? { exported: opts.exported } : {}) },
  );
}

export function allLines(r: BuildResult): ClaimLine[] {
  return r.claims.flatMap((c) => c.lines);
}

/** Lines as `DATE CODE[-MODS] ×UNITS` strings, compact enough to compare whole claims. */
export function brief(lines: readonly ClaimLine[]): string[] {
  return lines.map((l) => `${l.from === l.to ? l.from : `${l.from}..${l.to}`} ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} ×${l.units}${l.ndcQty !== null ? ` ${l.ndcUnit} ${l.ndcQty}` : ''}`);
}

export function linesOn(r: BuildResult, date: string): string[] {
  return brief(allLines(r).filter((l) => l.from === date));
}

export function findings(r: BuildResult, rule: string): Finding[] {
  return r.findings.filter((f) => f.rule === rule);
}

export function claimOf(r: BuildResult, sourceKey: string): Claim | undefined {
  return r.claims.find((c) => c.lines.some((l) => l.sourceKeys.includes(sourceKey)));
}
