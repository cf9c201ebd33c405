// Therapy recipes of the demo office: one per kind of order a home infusion pharmacy fills,
// across the categories of billing-rules §8, with typical doses, lengths and nursing.
import type { PayerId, ProductKey } from './catalog.ts';

export interface Recipe {
  name: string;
  category: string;
  route: 'IV' | 'SC';
  qualifier?: { litersPerDay?: number; mode?: string; lumen?: string };
  schedule: { everyHours: number } | { everyDays: number } | { weekly: true } | { continuous: true };
  drugs: { product: ProductKey; dose: [number, string] }[];
  /** supplies dispensed weekly (or once for equipment) */
  supplies: ProductKey[];
  days: [number, number];
  /** may still run past today with no stop date */
  chronic?: boolean;
  selfAdministered?: number;
  diagnoses: string[][];
  /** days between nursing visits after the first; 0 = at every dose */
  visitEvery: number;
  visitMinutes: [number, number];
  payers: PayerId[];
  weight: number;
}

const ALL: PayerId[] = ['bcbstx', 'bcbsnm', 'bcbsvt', 'allways', 'medicare', 'ncmedicaid', 'humana'];
const COMMERCIAL_AND_MEDICARE: PayerId[] = ['bcbstx', 'bcbsnm', 'bcbsvt', 'allways', 'medicare', 'humana'];
const COMMERCIAL: PayerId[] = ['bcbstx', 'bcbsnm', 'bcbsvt', 'allways', 'humana'];

const INFECTION_DX = [['L03.115', 'E86.0'], ['M86.171'], ['A41.9', 'N39.0'], ['J18.9'], ['T82.7XXA', 'A41.01'], ['I33.0', 'B95.61'], ['M46.26']];

export const RECIPES: Recipe[] = [
  { name: 'ceftriaxone 2 g daily', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, drugs: [{ product: 'ceftriaxone2g', dose: [2, 'g'] }],
    supplies: ['heparinFlush', 'ivPole'], days: [7, 42], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [60, 120], payers: ALL, weight: 10 },
  { name: 'ceftriaxone 1.5 g daily', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, drugs: [{ product: 'ceftriaxone2g', dose: [1.5, 'g'] }],
    supplies: ['heparinFlush'], days: [7, 28], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [60, 110], payers: ALL, weight: 5 },
  { name: 'vancomycin 1.5 g q12h', category: 'antiInfective', route: 'IV', schedule: { everyHours: 12 }, drugs: [{ product: 'vancomycin1g', dose: [1500, 'mg'] }],
    supplies: ['heparinFlush', 'ivPole', 'pump'], days: [14, 42], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [75, 150], payers: ALL, weight: 7 },
  { name: 'cefazolin 2 g q8h', category: 'antiInfective', route: 'IV', schedule: { everyHours: 8 }, drugs: [{ product: 'cefazolin1g', dose: [2, 'g'] }],
    supplies: ['heparinFlush', 'pump'], days: [14, 42], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [60, 120], payers: ALL, weight: 5 },
  { name: 'ertapenem 1 g daily', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, drugs: [{ product: 'ertapenem1g', dose: [1, 'g'] }],
    supplies: ['heparinFlush'], days: [10, 28], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [60, 100], payers: ALL, weight: 4 },
  { name: 'vancomycin and ceftriaxone q12h', category: 'antiInfective', route: 'IV', schedule: { everyHours: 12 },
    drugs: [{ product: 'vancomycin1g', dose: [1, 'g'] }, { product: 'ceftriaxone1g', dose: [1, 'g'] }],
    supplies: ['heparinFlush', 'pump'], days: [14, 35], diagnoses: INFECTION_DX, visitEvery: 7, visitMinutes: [75, 150], payers: ALL, weight: 3 },
  { name: 'amphotericin B daily', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, drugs: [{ product: 'amphotericin50', dose: [50, 'mg'] }],
    supplies: ['heparinFlush', 'pump'], days: [14, 28], diagnoses: [['B45.9'], ['B44.9'], ['B37.7']], visitEvery: 2, visitMinutes: [150, 270],
    payers: ['bcbstx', 'medicare', 'ncmedicaid'], weight: 2 },
  { name: 'hydration 1 L daily', category: 'hydration', route: 'IV', qualifier: { litersPerDay: 1 }, schedule: { everyHours: 24 }, drugs: [{ product: 'saline', dose: [1000, 'mL'] }],
    supplies: ['heparinFlush'], days: [3, 10], diagnoses: [['E86.0'], ['A08.4', 'E86.0'], ['R11.2', 'E86.0']], visitEvery: 3, visitMinutes: [45, 90], payers: COMMERCIAL, weight: 4 },
  { name: 'hydration 2 L daily', category: 'hydration', route: 'IV', qualifier: { litersPerDay: 2 }, schedule: { everyHours: 24 }, drugs: [{ product: 'saline', dose: [2000, 'mL'] }],
    supplies: ['heparinFlush', 'ivPole'], days: [3, 7], diagnoses: [['E86.0'], ['K52.9', 'E86.0']], visitEvery: 3, visitMinutes: [45, 90], payers: COMMERCIAL, weight: 2 },
  { name: 'TPN with lipids', category: 'tpn', route: 'IV', qualifier: { litersPerDay: 2 }, schedule: { everyHours: 24 },
    drugs: [{ product: 'clinimix', dose: [2000, 'mL'] }, { product: 'lipids', dose: [50, 'g'] }],
    supplies: ['pump', 'ivPole'], days: [30, 150], chronic: true, diagnoses: [['K91.2'], ['K50.90', 'E43'], ['K56.609', 'E44.0']], visitEvery: 7, visitMinutes: [60, 120],
    // NC Medicaid covers TPN without a per diem (R-PD-13) and not its nursing (R-NV-8)
    payers: [...COMMERCIAL_AND_MEDICARE, 'ncmedicaid'], weight: 4 },
  { name: 'PCA morphine', category: 'pain', route: 'IV', qualifier: { mode: 'continuous' }, schedule: { continuous: true }, drugs: [{ product: 'morphine', dose: [36, 'mg'] }],
    supplies: ['pump'], days: [14, 90], chronic: true, diagnoses: [['C79.51', 'G89.3'], ['C25.9', 'G89.3']], visitEvery: 7, visitMinutes: [45, 90],
    payers: ['bcbstx', 'medicare', 'ncmedicaid', 'humana'], weight: 3 },
  { name: 'fluorouracil 46-hour pump', category: 'chemotherapy', route: 'IV', qualifier: { mode: 'continuous' }, schedule: { everyDays: 14 },
    drugs: [{ product: 'fluorouracil', dose: [2400, 'mg'] }], supplies: ['pump'], days: [42, 112], diagnoses: [['C18.9'], ['C20'], ['C18.7']],
    visitEvery: 0, visitMinutes: [45, 75], payers: ['bcbstx', 'medicare', 'ncmedicaid'], weight: 3 },
  { name: 'IVIG every 4 weeks', category: 'immunotherapy', route: 'IV', schedule: { everyDays: 28 }, drugs: [{ product: 'ig10', dose: [35, 'g'] }],
    supplies: ['pump'], days: [84, 180], chronic: true, diagnoses: [['D80.1'], ['D83.9'], ['G61.81']], visitEvery: 0, visitMinutes: [180, 300],
    payers: COMMERCIAL_AND_MEDICARE, weight: 5 },
  { name: 'IVIG every 3 weeks', category: 'immunotherapy', route: 'IV', schedule: { everyDays: 21 }, drugs: [{ product: 'ig10', dose: [25, 'g'] }],
    supplies: ['pump'], days: [63, 180], chronic: true, diagnoses: [['D80.1'], ['D81.9']], visitEvery: 0, visitMinutes: [150, 270],
    payers: COMMERCIAL_AND_MEDICARE, weight: 3 },
  { name: 'SCIG weekly', category: 'immunotherapy', route: 'SC', schedule: { weekly: true }, drugs: [{ product: 'igSc20', dose: [10, 'g'] }],
    supplies: ['pump'], days: [56, 180], chronic: true, diagnoses: [['D80.1'], ['D83.9']], visitEvery: 14, visitMinutes: [60, 120],
    payers: COMMERCIAL_AND_MEDICARE, weight: 3 },
  { name: 'infliximab every 8 weeks', category: 'antiTnf', route: 'IV', schedule: { everyDays: 56 }, drugs: [{ product: 'infliximab100', dose: [400, 'mg'] }],
    supplies: [], days: [112, 180], chronic: true, diagnoses: [['K50.90'], ['K51.90'], ['M05.79']], visitEvery: 0, visitMinutes: [130, 180],
    payers: COMMERCIAL_AND_MEDICARE, weight: 3 },
  { name: 'milrinone continuous', category: 'inotropic', route: 'IV', schedule: { continuous: true }, drugs: [{ product: 'milrinone', dose: [38, 'mg'] }],
    supplies: ['pump', 'ivPole'], days: [30, 180], chronic: true, diagnoses: [['I50.22'], ['I50.42', 'I42.0']], visitEvery: 7, visitMinutes: [45, 90],
    payers: COMMERCIAL_AND_MEDICARE, weight: 2 },
  { name: 'factor VIII prophylaxis', category: 'antihemophilic', route: 'IV', schedule: { everyDays: 3 }, drugs: [{ product: 'factor1000', dose: [2000, 'IU'] }],
    supplies: [], days: [60, 180], chronic: true, selfAdministered: 1, diagnoses: [['D66']], visitEvery: 28, visitMinutes: [45, 75],
    payers: COMMERCIAL, weight: 1 },
  { name: 'enoxaparin injections', category: 'anticoagulantInjection', route: 'SC', schedule: { everyHours: 24 }, drugs: [{ product: 'enoxaparin', dose: [40, 'mg'] }],
    supplies: [], days: [10, 30], selfAdministered: 0.5, diagnoses: [['I82.401'], ['I26.99']], visitEvery: 7, visitMinutes: [30, 60],
    payers: COMMERCIAL, weight: 2 },
  { name: 'heparin infusion', category: 'anticoagulant', route: 'IV', schedule: { continuous: true }, drugs: [{ product: 'heparin', dose: [25000, 'units'] }],
    supplies: ['pump'], days: [5, 14], diagnoses: [['I82.409'], ['I26.99']], visitEvery: 2, visitMinutes: [45, 90], payers: COMMERCIAL, weight: 1 },
  { name: 'ondansetron infusion', category: 'antiemeticInfusion', route: 'IV', schedule: { everyHours: 8 }, drugs: [{ product: 'ondansetron', dose: [8, 'mg'] }],
    supplies: ['pump'], days: [5, 21], diagnoses: [['O21.1'], ['R11.2']], visitEvery: 7, visitMinutes: [45, 90], payers: COMMERCIAL, weight: 2 },
  { name: 'catheter care', category: 'catheterCare', route: 'IV', qualifier: { lumen: 'single' }, schedule: { weekly: true }, drugs: [],
    supplies: ['heparinFlush', 'catheterKit'], days: [28, 180], chronic: true, diagnoses: [['Z45.2'], ['Z95.828']], visitEvery: 7, visitMinutes: [30, 60],
    payers: COMMERCIAL, weight: 2 },
  { name: 'catheter care, implanted port', category: 'catheterCare', route: 'IV', qualifier: { lumen: 'implanted' }, schedule: { weekly: true }, drugs: [],
    supplies: ['heparinFlush', 'catheterKit'], days: [28, 180], chronic: true, diagnoses: [['Z45.2']], visitEvery: 14, visitMinutes: [30, 60],
    payers: COMMERCIAL, weight: 1 },
];
