// A small home infusion office and claims for the CMS-1500 tests and the check.py samples.
// Fictitious people, payers and numbers.
import type { Claim, ClaimLine } from '../../electron/domain/claims.ts';
import { withDefaults } from '../../electron/domain/settings.ts';
import type { Payer, PayerSettings } from '../../electron/domain/types.ts';
import type { FormDataset } from '../../electron/export/cms1500/fields.ts';

export const NOW = '2026-11-03T09:30:00';
export const BILLING_NPI = '1720081235';
export const NURSE_NPI = '1234567893';

/** A payer with no fee table (prices are on the claims already) and default settings except `settings`. */
function payer(p: Omit<Payer, 'settings' | 'fees'>, settings: Partial<PayerSettings> = {}): Payer {
  return { ...p, settings: withDefaults(settings), fees: {} };
}

export function dataset(): FormDataset {
  return {
    organization: {
      name: 'Sunrise Home Infusion, LLC',
      npi: BILLING_NPI,
      taxId: '12-3456789',
      taxonomy: '3336H0001X',
      address: { line1: '500 W. Madison St.', line2: 'Ste #200', city: 'Chicago', state: 'IL', zip: '606612512' },
      phone: '(312) 555-0199',
    },
    payers: [
      payer({
        id: 'acme',
        name: 'Acme Health Plan',
        payerId: 'ACME1',
        filingIndicator: 'CI',
        address: { line1: 'Claims Department', line2: 'PO Box 12345', city: 'Dallas', state: 'TX', zip: '752011234' },
      }),
      payer(
        { id: 'ocr', name: 'Ocr Mutual', filingIndicator: 'BL', address: { line1: '1 Scanner Way', city: 'Austin', state: 'TX', zip: '78701' } },
        { pdfPageTotals: 'perPage' },
      ),
      payer(
        { id: 'mcr', name: 'Medicare Part B', filingIndicator: 'MB', address: { line1: 'PO Box 6000', city: 'Fargo', state: 'ND', zip: '58108' } },
        { codeSet: 'medicare-hit' },
      ),
    ],
    prescribers: [{ id: 'DR1', firstName: 'Robert', lastName: 'Smith', npi: '1245319599' }],
    nurses: [{ id: 'N1', firstName: 'Nora', lastName: 'Reyes', credential: 'RN', npi: NURSE_NPI }],
    patients: [
      {
        id: 'P1001',
        firstName: 'Jane',
        lastName: 'Doe',
        middle: 'Anne',
        dob: '1958-04-12',
        sex: 'F',
        address: { line1: '123 Maple St., Apt 4', city: 'Springfield', state: 'IL', zip: '627011234' },
        phone: '217-555-0147',
        coverages: [{ payer: 'acme', priority: 1, memberId: 'XYZ-123456789', groupNumber: 'GRP00451', relationship: 'self' }],
      },
      {
        id: 'P2002',
        firstName: 'Tommy',
        lastName: 'Nguyen-Baker',
        dob: '2014-09-30',
        sex: 'M',
        address: { line1: '77 Oak Ave', city: 'Peoria', state: 'IL', zip: '61602' },
        coverages: [
          {
            payer: 'acme',
            priority: 1,
            memberId: 'ACM998877',
            groupNumber: 'G-77',
            relationship: 'child',
            subscriber: { firstName: 'Linh', lastName: 'Nguyen-Baker', middle: 'T', dob: '1984-02-29', sex: 'F', address: null },
          },
          { payer: 'ocr', priority: 2, memberId: 'OCR-55', relationship: 'self' },
        ],
      },
      {
        id: 'P3003',
        firstName: 'Maximiliano Alejandro',
        lastName: 'Vandersloot-Featherstonehaugh',
        dob: '1949-12-01',
        sex: 'M',
        address: { line1: '4000 North Very Long Boulevard Name Apartment 1234', city: 'Rancho Santa Margarita Heights', state: 'CA', zip: '92688' },
        coverages: [{ payer: 'mcr', priority: 1, memberId: '1EG4TE5MK73', relationship: 'self' }],
      },
    ],
  };
}

function line(over: Partial<ClaimLine> & Pick<ClaimLine, 'from' | 'code' | 'chargeCents'>): ClaimLine {
  return {
    to: over.from,
    modifiers: [],
    units: 1,
    pointers: ['A'],
    ndc: null,
    ndcQty: null,
    ndcUnit: null,
    sourceKey: `k:${over.code}:${over.from}`,
    sourceKeys: [`k:${over.code}:${over.from}`],
    kind: 'perDiem',
    therapy: 'T1',
    ...over,
  };
}

function claim(over: Partial<Claim> & Pick<Claim, 'id' | 'patient' | 'payer' | 'lines'>): Claim {
  return {
    coveragePriority: 1,
    prescriber: 'DR1',
    frequency: '1',
    priorAuth: 'PA-2026-0101',
    diagnoses: ['M86171', 'Z452'],
    totalCents: over.lines.reduce((s, l) => s + l.chargeCents, 0),
    periodFrom: '2026-10-01',
    periodTo: '2026-10-31',
    ...over,
  };
}

/** One page: per diem, drug with NDC and waste modifier, nursing by a nurse with her own NPI. */
export function singlePageClaim(): Claim {
  return claim({
    id: 'C2026100001',
    patient: 'P1001',
    payer: 'acme',
    lines: [
      line({ from: '2026-10-01', code: 'S9500', chargeCents: 25000, pointers: ['A', 'B'] }),
      line({ from: '2026-10-01', code: 'J0696', units: 4, chargeCents: 4000, ndc: '12345678901', ndcQty: 4, ndcUnit: 'UN', kind: 'drug', modifiers: ['JW'] }),
      line({ from: '2026-10-01', code: '99601', chargeCents: 15000, kind: 'nursing', renderingNpi: NURSE_NPI, visit: 'V1' }),
      line({ from: '2026-10-02', code: 'J1100', units: 2.5, chargeCents: 125, ndc: '00409487501', ndcQty: 1.5, ndcUnit: 'ML', kind: 'drug', modifiers: ['KP', 'JW', '59', 'SH'] }),
    ],
  });
}

/** `n` daily per diem lines from Oct 1 at $110. */
export function perDiemClaim(id: string, patient: string, payer: string, n: number, over: Partial<Claim> = {}): Claim {
  const lines = Array.from({ length: n }, (_, i) =>
    line({ from: `2026-10-${String(i + 1).padStart(2, '0')}`, code: 'S9500', chargeCents: 11000, pointers: ['A', 'B'] }),
  );
  return claim({ id, patient, payer, lines, ...over });
}

/** What check.py must find on page 1 of the single-page claim (exact blanks as printed). */
export const SINGLE_PAGE_EXPECT: Record<string, string> = {
  carrier_name: 'ACME HEALTH PLAN',
  carrier_addr1: 'CLAIMS DEPARTMENT',
  carrier_addr2: 'PO BOX 12345',
  carrier_city_state_zip: 'DALLAS TX 752011234',
  carrier_page: '',
  '1_group': 'X',
  '1_medicare': '',
  '1a': 'XYZ123456789',
  '2': 'DOE, JANE, A',
  '3_dob': '04 12 1958',
  '3_sex_f': 'X',
  '3_sex_m': '',
  '4': 'DOE, JANE, A',
  '5_street': '123 MAPLE ST APT 4',
  '5_city': 'SPRINGFIELD',
  '5_state': 'IL',
  '5_zip': '627011234',
  '5_phone': '',
  '6_self': 'X',
  '7_street': '123 MAPLE ST APT 4',
  '7_city': 'SPRINGFIELD',
  '7_state': 'IL',
  '7_zip': '627011234',
  '9': '',
  '10a_no': 'X',
  '10b_no': 'X',
  '10c_no': 'X',
  '11': 'GRP00451',
  '11a_dob': '04 12 1958',
  '11a_sex_f': 'X',
  '11c': 'ACME HEALTH PLAN',
  '11d_no': 'X',
  '11d_yes': '',
  '12': 'SIGNATURE ON FILE',
  '13': 'SIGNATURE ON FILE',
  '17_qual': 'DK',
  '17': 'ROBERT SMITH',
  '17b': '1245319599',
  '21_ind': '0',
  '21A': 'M86171',
  '21B': 'Z452',
  '21C': '',
  '22_code': '',
  '23': 'PA20260101',
  '24_1_from': '10 01 26',
  '24_1_to': '10 01 26',
  '24_1_pos': '12',
  '24_1_cpt': 'S9500',
  '24_1_pointer': 'AB',
  '24_1_charges': '250 00',
  '24_1_units': '1',
  '24_1_npi': '',
  '24_1_supplemental': '',
  '24_2_supplemental': 'N412345678901   UN4',
  '24_2_from': '10 01 26',
  '24_2_to': '10 01 26',
  '24_2_pos': '12',
  '24_2_cpt': 'J0696',
  '24_2_mod1': 'JW',
  '24_2_mod2': '',
  '24_2_pointer': 'A',
  '24_2_charges': '40 00',
  '24_2_units': '4',
  '24_2_npi': '',
  '24_3_supplemental': '',
  '24_3_from': '10 01 26',
  '24_3_to': '10 01 26',
  '24_3_pos': '12',
  '24_3_cpt': '99601',
  '24_3_pointer': 'A',
  '24_3_charges': '150 00',
  '24_3_units': '1',
  '24_3_npi': NURSE_NPI,
  '24_4_supplemental': 'N400409487501   ML1.5',
  '24_4_from': '10 02 26',
  '24_4_to': '10 02 26',
  '24_4_pos': '12',
  '24_4_pointer': 'A',
  '24_4_cpt': 'J1100',
  '24_4_mod1': 'KP',
  '24_4_mod2': 'JW',
  '24_4_mod3': '59',
  '24_4_mod4': 'SH',
  '24_4_charges': '1 25',
  '24_4_units': '2.5',
  '24_5_cpt': '',
  '25': '123456789',
  '25_ein': 'X',
  '25_ssn': '',
  '26': 'C2026100001',
  '27_yes': 'X',
  '28': '441 25',
  '29': '',
  '31': 'SIGNATURE ON FILE',
  '31_date': '11 03 26',
  '32_name': '',
  '33_phone_area': '312',
  '33_phone': '5550199',
  '33_name': 'SUNRISE HOME INFUSION LLC',
  '33_street': '500 W MADISON ST STE 200',
  '33_city': 'CHICAGO IL 606612512',
  '33a': BILLING_NPI,
  '33b': 'ZZ3336H0001X',
};
