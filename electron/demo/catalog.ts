// The demo office's fixed parts, in the import format (dollars, hyphenated NDCs as on labels).

export const ORGANIZATION_BASE = {
  name: 'Bluebonnet Home Infusion Pharmacy',
  taxId: '742345678',
  taxonomy: '3336H0001X',
  address: { line1: '2100 Kramer Ln Ste 300', city: 'Austin', state: 'TX', zip: '787581234' },
  phone: '5125550142',
  contact: 'Priya Natarajan',
};

export const CLEARINGHOUSE = {
  name: 'Lone Star Claims Exchange',
  senderId: 'BLUEBONNETHI',
  receiverId: 'LSCX0001',
  submitterId: 'BLUEBONNETHI',
  usage: 'T',
};

/**
 * A payer for each seed policy, added with its profile (billing-rules §12; a few values edited as
 * an office would), Medicare, and a plain commercial payer with the settings of §9 no seed sets.
 */
export const PAYERS = [
  {
    id: 'bcbstx', name: 'Blue Cross and Blue Shield of Texas', payerId: '84980', filingIndicator: 'BL',
    address: { line1: 'PO Box 660044', city: 'Dallas', state: 'TX', zip: '752660044' },
    profile: 'bcbs-tx',
    settings: { timelyFilingDays: 180 },
    fees: { S9500: 110.0, S9502: 150.0, S9501: 130.0, S9375: 90.0, S9338: 280.0, J0696: 4.0 },
  },
  {
    id: 'bcbsnm', name: 'Blue Cross and Blue Shield of New Mexico', payerId: '00790', filingIndicator: 'BL',
    address: { line1: 'PO Box 27630', city: 'Albuquerque', state: 'NM', zip: '871257630' },
    profile: 'bcbs-nm',
    settings: {},
    fees: { S9500: 112.0, S9502: 152.0, J0696: 4.1 },
  },
  {
    id: 'bcbsvt', name: 'Blue Cross and Blue Shield of Vermont', payerId: '03036', filingIndicator: 'BL',
    address: { line1: 'PO Box 186', city: 'Montpelier', state: 'VT', zip: '056010186' },
    profile: 'bcbs-vt',
    settings: {},
    fees: {},
  },
  {
    id: 'allways', name: 'AllWays Health Partners', payerId: '04293', filingIndicator: 'CI',
    address: { line1: '399 Revolution Dr', city: 'Somerville', state: 'MA', zip: '021451446' },
    profile: 'allways',
    settings: { concurrencyOrder: 'firstStarted' },
    fees: {},
  },
  {
    id: 'medicare', name: 'Medicare Part B (Novitas JH)', payerId: '04412', filingIndicator: 'MB',
    address: { line1: 'PO Box 3110', city: 'Mechanicsburg', state: 'PA', zip: '170551801' },
    settings: { codeSet: 'medicare-hit', wasteModifiers: 'JW+JZ', priorAuthRequiredFor: 'none', nursingRnOnly: true },
    fees: { G0068: 75.0, G0069: 70.0, G0070: 95.0, G0088: 230.0, G0089: 220.0, G0090: 260.0 },
  },
  {
    id: 'ncmedicaid', name: 'WellCare of North Carolina (Medicaid)', payerId: '14163', filingIndicator: 'MC',
    address: { line1: 'PO Box 31224', city: 'Tampa', state: 'FL', zip: '336313224' },
    profile: 'wellcare-nc',
    settings: {},
    // the fee schedule is the expected payment; the claim bills the charge master (R-CL-6 [WC6])
    fees: { S9494: 95.0, S9329: 180.0, S9325: 120.0, T1030: 140.0, T1002: 18.0 },
  },
  {
    id: 'humana', name: 'Humana Commercial', payerId: '61101', filingIndicator: 'CI',
    address: { line1: 'PO Box 14601', city: 'Lexington', state: 'KY', zip: '405124601' },
    settings: { codeSet: 'commercial', lineSpan: 'week', concurrencyModifier59: true, nursingMaxHoursPerDay: 4, timelyFilingDays: 90, claimPeriod: 'week' },
    fees: {},
  },
] as const;

export type PayerId = (typeof PAYERS)[number]['id'];

export const CHARGE_MASTER: Record<string, number> = {
  S9494: 150, S9497: 240, S9500: 120, S9501: 140, S9502: 165, S9503: 190, S9504: 210,
  S9373: 85, S9374: 90, S9375: 95, S9376: 105, S9377: 115,
  S9364: 200, S9365: 225, S9366: 250, S9367: 275, S9368: 300,
  S9325: 130, S9326: 170, S9327: 150, S9328: 160, S9329: 200, S9330: 260, S9331: 220,
  S9336: 210, S9338: 300, S9359: 260, S9348: 240, S9345: 150, S9372: 60, S9351: 110, S5498: 45, S5501: 55, S5502: 65, S5497: 40,
  99601: 180, 99602: 90, G0068: 80, G0069: 75, G0070: 100, G0088: 240, G0089: 230, G0090: 270, T1030: 150, T1002: 20,
  J0696: 4.25, J3370: 9.5, J0690: 3.1, J1335: 62.0, J1569: 48.0, J1559: 11.5, J2270: 3.25, J1644: 1.2, J7050: 7.5,
  B4185: 22.0, B4189: 0.12, J0285: 38.0, J1745: 95.0, J2405: 0.6, J2260: 12.0, J7192: 1.35, J1650: 8.0, J9190: 4.5,
  J1642: 0.4, E0776: 18.0, E0781: 28.0, A4221: 35.0,
};

export interface DemoProduct {
  ndc: string;
  name: string;
  kind?: 'drug' | 'supply';
  hcpcs: string;
  hcpcsUnit?: { amount: number; unit: string };
  ndcUnit?: string;
  drugPerNdcUnit?: { amount: number; unit: string };
  containerSize?: number;
  singleDose?: boolean;
  tpnIncluded?: boolean;
}

const vial = (ndc: string, name: string, hcpcs: string, per: [number, string], mgPerVial: [number, string], single = true): DemoProduct => ({
  ndc, name, hcpcs, hcpcsUnit: { amount: per[0], unit: per[1] }, ndcUnit: 'UN',
  drugPerNdcUnit: { amount: mgPerVial[0], unit: mgPerVial[1] }, containerSize: 1, singleDose: single,
});
const liquid = (ndc: string, name: string, hcpcs: string, per: [number, string], perMl: [number, string], ml: number, single: boolean, tpnIncluded?: boolean): DemoProduct => ({
  ndc, name, hcpcs, hcpcsUnit: { amount: per[0], unit: per[1] }, ndcUnit: 'ML',
  drugPerNdcUnit: { amount: perMl[0], unit: perMl[1] }, containerSize: ml, singleDose: single,
  ...(tpnIncluded === undefined ? {} : { tpnIncluded }),
});

/** Products keyed by a short name the therapy recipes use. NDCs in every label layout R-DR-1 accepts. */
export const PRODUCTS = {
  ceftriaxone2g: vial('0409-7332-01', 'Ceftriaxone 2 g vial', 'J0696', [250, 'mg'], [2000, 'mg']),
  ceftriaxone1g: vial('0409-7337-01', 'Ceftriaxone 1 g vial', 'J0696', [250, 'mg'], [1000, 'mg']),
  vancomycin1g: vial('63323-284-20', 'Vancomycin 1 g vial', 'J3370', [500, 'mg'], [1000, 'mg']),
  cefazolin1g: vial('25021-0100-1', 'Cefazolin 1 g vial', 'J0690', [500, 'mg'], [1000, 'mg']),
  ertapenem1g: vial('00006-3843-71', 'Ertapenem 1 g vial', 'J1335', [500, 'mg'], [1000, 'mg']),
  amphotericin50: vial('63323-0206-20', 'Amphotericin B 50 mg vial', 'J0285', [50, 'mg'], [50, 'mg']),
  infliximab100: vial('57894-030-01', 'Infliximab 100 mg vial', 'J1745', [10, 'mg'], [100, 'mg']),
  factor1000: vial('00944-2942-10', 'Antihemophilic factor 1000 IU kit', 'J7192', [1, 'IU'], [1000, 'IU']),
  ig10: liquid('00944-2700-04', 'Immune globulin 10% 100 mL', 'J1569', [500, 'mg'], [100, 'mg'], 100, true),
  igSc20: liquid('44206-451-02', 'Immune globulin subcutaneous 20% 10 mL', 'J1559', [100, 'mg'], [200, 'mg'], 10, true),
  morphine: liquid('0409-1890-01', 'Morphine sulfate 1 mg/mL 100 mL PCA reservoir', 'J2270', [10, 'mg'], [1, 'mg'], 100, false),
  heparin: liquid('63323-0540-11', 'Heparin 5,000 units/mL 10 mL multi-dose vial', 'J1644', [1000, 'units'], [5000, 'units'], 10, false),
  saline: liquid('0338-0049-04', 'Sodium chloride 0.9% 1000 mL', 'J7050', [250, 'mL'], [1, 'mL'], 1000, true),
  lipids: liquid('0338-0519-13', 'Intralipid 20% 250 mL', 'B4185', [10, 'g'], [0.2, 'g'], 250, true, false),
  clinimix: liquid('0338-1133-04', 'Clinimix E 2.75/5 1000 mL', 'B4189', [1, 'mL'], [1, 'mL'], 1000, false, true),
  ondansetron: liquid('00781-3010-72', 'Ondansetron 2 mg/mL 20 mL multi-dose vial', 'J2405', [1, 'mg'], [2, 'mg'], 20, false),
  milrinone: liquid('0409-2776-24', 'Milrinone 200 mcg/mL 100 mL bag', 'J2260', [5, 'mg'], [200, 'mcg'], 100, true),
  enoxaparin: liquid('0075-0624-40', 'Enoxaparin 40 mg/0.4 mL syringe', 'J1650', [10, 'mg'], [100, 'mg'], 0.4, true),
  fluorouracil: liquid('63323-117-51', 'Fluorouracil 50 mg/mL 50 mL vial', 'J9190', [500, 'mg'], [50, 'mg'], 50, true),
  // J1642 is a supply (bundled on per diem days, R-SU-1) but still a J-code: it bills with its NDC (R-DR-7).
  heparinFlush: { ...liquid('25021-0402-05', 'Heparin lock flush 100 units/mL 5 mL', 'J1642', [10, 'units'], [100, 'units'], 5, true), kind: 'supply' },
  ivPole: { ndc: '12345-0001-01', name: 'IV pole', kind: 'supply', hcpcs: 'E0776' },
  pump: { ndc: '12345-0002-01', name: 'Ambulatory infusion pump (rental, per week)', kind: 'supply', hcpcs: 'E0781' },
  catheterKit: { ndc: '12345-0003-07', name: 'Catheter care supplies, per week', kind: 'supply', hcpcs: 'A4221' },
} satisfies Record<string, DemoProduct>;

export type ProductKey = keyof typeof PRODUCTS;

export const FIRST_NAMES = {
  F: ['Helen', 'Maria', 'Linda', 'Patricia', 'Rosa', 'Dorothy', 'Angela', 'Yolanda', 'Sandra', 'Grace', 'Ana', 'Betty',
    'Carmen', 'Diane', 'Evelyn', 'Fatima', 'Gloria', 'Irene', 'Janet', 'Keisha', 'Lucia', 'Margaret', 'Nancy', 'Olivia',
    'Pamela', 'Ruth', 'Sofia', 'Teresa', 'Valerie', 'Wanda', 'Ximena', 'Zoe', 'Mei', 'Aisha', 'Brenda', 'Cheryl'],
  M: ['James', 'Robert', 'Jose', 'Michael', 'William', 'David', 'Richard', 'Carlos', 'Thomas', 'Charles', 'Daniel', 'Luis',
    'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George', 'Hector',
    'Edward', 'Ronald', 'Timothy', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Wei', 'Omar'],
};

export const LAST_NAMES = ['Garza', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Hernandez', 'Lopez', 'Gonzalez',
  'Martinez', 'Davis', 'Rodriguez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young',
  'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker',
  'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Silva', 'Okafor', 'Patel', 'Kim', 'Chen', 'Reyes'];

export const STREETS = ['Oak Hollow Dr', 'Pine St', 'Cedar Ln', 'Mesquite Trl', 'Bluebonnet Way', 'Riverside Dr',
  'Elm St', 'Lamar Blvd', 'Pecan St', 'Willow Bend', 'Sunset Ridge', 'Live Oak Ct', 'Cypress Creek Rd', 'Magnolia Ave'];

/** City, state, ZIP per payer region. */
export const PLACES: Record<PayerId, [string, string, string][]> = {
  bcbsnm: [['Albuquerque', 'NM', '87102'], ['Santa Fe', 'NM', '87501'], ['Las Cruces', 'NM', '88001']],
  bcbsvt: [['Burlington', 'VT', '05401'], ['Montpelier', 'VT', '05602'], ['Rutland', 'VT', '05701']],
  bcbstx: [['Austin', 'TX', '78704'], ['Round Rock', 'TX', '78664'], ['Georgetown', 'TX', '78626'], ['San Marcos', 'TX', '78666'], ['Pflugerville', 'TX', '78660']],
  allways: [['Cambridge', 'MA', '02139'], ['Somerville', 'MA', '02143'], ['Boston', 'MA', '02118'], ['Quincy', 'MA', '02169']],
  medicare: [['Austin', 'TX', '78745'], ['Cedar Park', 'TX', '78613'], ['Kyle', 'TX', '78640'], ['Leander', 'TX', '78641']],
  ncmedicaid: [['Raleigh', 'NC', '27610'], ['Durham', 'NC', '27701'], ['Cary', 'NC', '27511'], ['Wilson', 'NC', '27893']],
  humana: [['Austin', 'TX', '78753'], ['Buda', 'TX', '78610'], ['Hutto', 'TX', '78634']],
};
