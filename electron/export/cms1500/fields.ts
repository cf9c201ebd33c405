// What goes in each box: one claim → the field values of each of its pages (six service lines
// a page). Item rules follow NUCC 02/12 as summarized in reference/cms1500.md; positions come
// from the layout, never from here.
import { shadedLine } from '../../domain/shadedLine.ts';
import type { Claim, ClaimLine } from '../../domain/claims.ts';
import type {
  Address,
  Coverage,
  Dataset,
  IsoDateTime,
  Organization,
  Patient,
  Payer,
  Sex,
} from '../../domain/types.ts';
import insuranceTypes from '../../../resources/cms1500/insurance-type.json' with { type: 'json' };
import { isValidNpi } from '../../domain/npi.ts';
import { Cms1500Error } from './errors.ts';
import {
  addressText,
  cityStateZip,
  dateLong,
  dateShort,
  digits,
  firstLast,
  idText,
  lastFirstMiddle,
  money,
  ndcSupplemental,
  phoneParts,
  quantity,
} from './format.ts';
import { LAYOUT, capacity, field } from './layout.ts';

export type FormDataset = Pick<Dataset, 'organization' | 'payers' | 'patients' | 'prescribers' | 'nurses'>;
/** field id (layout.json) → printed text */
export type PageValues = Record<string, string>;
export type PageTotals = 'continued' | 'perPage';

export const LINES_PER_PAGE = 6;
/** R-CL-4: home infusion is billed at place of service 12 (home) on every line. */
export const PLACE_OF_SERVICE_HOME = '12';
const SIGNATURE_ON_FILE = 'SIGNATURE ON FILE';
const CARRIER_LINES = ['carrier_name', 'carrier_addr1', 'carrier_addr2', 'carrier_city_state_zip'] as const;

interface Insured {
  last: string;
  first: string;
  middle?: string | null;
  dob: string;
  sex: Sex;
  address: Address | null;
}

interface ClaimParties {
  patient: Patient;
  payer: Payer;
  coverage: Coverage;
  organization: Organization;
}

/** An NPI as printed (digits only), refused unless it passes the check digit import uses. */
function npiText(value: string | null | undefined, what: string, claim: Claim): string {
  const npi = digits(value);
  if (!isValidNpi(npi)) throw new Cms1500Error(`${what} '${value ?? ''}' is not a valid NPI (10 digits, Luhn check digit)`, claim.id);
  return npi;
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string, claim: Claim): T {
  const hit = list.find((r) => r.id === id);
  if (!hit) throw new Cms1500Error(`${what} '${id}' is not in the records`, claim.id);
  return hit;
}

function parties(claim: Claim, data: FormDataset): ClaimParties {
  const organization = data.organization;
  if (!organization) throw new Cms1500Error('the organization (billing provider, item 33) is not set up', claim.id);
  const patient = find(data.patients, claim.patient, 'patient', claim);
  const payer = find(data.payers, claim.payer, 'payer', claim);
  const coverage =
    patient.coverages.find((c) => c.payer === claim.payer && c.priority === claim.coveragePriority) ??
    patient.coverages.find((c) => c.payer === claim.payer);
  if (!coverage) throw new Cms1500Error(`patient ${patient.id} has no coverage with payer ${payer.id}`, claim.id);
  return { patient, payer, coverage, organization };
}

/** The insured of a coverage: the patient for `self`, else the subscriber (address: the patient's if none). */
function insuredOf(coverage: Coverage, patient: Patient): Insured {
  const s = coverage.relationship === 'self' ? null : coverage.subscriber;
  if (!s) {
    return { last: patient.lastName, first: patient.firstName, middle: patient.middle, dob: patient.dob, sex: patient.sex, address: patient.address ?? null };
  }
  return { last: s.lastName, first: s.firstName, middle: s.middle, dob: s.dob, sex: s.sex, address: s.address ?? patient.address ?? null };
}

/** Item 1 from the payer's claim filing indicator (resources/cms1500/insurance-type.json). */
export function insuranceTypeBox(filingIndicator: string | null | undefined): string {
  const table: Record<string, string> = insuranceTypes.byFilingIndicator;
  return table[(filingIndicator ?? '').toUpperCase()] ?? insuranceTypes.default;
}

/**
 * Medicare as the payer billed: its own code set (medicare-hit) or the Medicare box of item 1
 * (filing indicator MA or MB). Medicare wants no 33b and counts only patient payments in item 29.
 */
function isMedicare(payer: Payer): boolean {
  return payer.settings?.codeSet === 'medicare-hit' || insuranceTypeBox(payer.filingIndicator) === '1_medicare';
}

/**
 * R-CO-1 on paper, item 29 amount paid: on a secondary or tertiary what the earlier payers paid on this claim (Σ
 * their CLP04, the 2320 AMT*D), which the payer checks against the remittance attached (cob.md §9);
 * 0 00 when they paid nothing. Patient payments would count too, but a claim form carries none in
 * Perdiem. Empty on a primary, and when billing Medicare, whose instruction is patient payments only.
 */
function amountPaidCents(claim: Claim, payer: Payer): number | null {
  const priors = claim.priorPayers ?? [];
  if (priors.length === 0 || isMedicare(payer)) return null;
  return priors.reduce((s, p) => s + p.paidCents, 0);
}

function street(a: Address | null): string {
  return a ? addressText([a.line1, a.line2 ?? ''].join(' ')) : '';
}

function sexBox(prefix: string, sex: Sex): PageValues {
  if (sex === 'M') return { [`${prefix}_sex_m`]: 'X' };
  if (sex === 'F') return { [`${prefix}_sex_f`]: 'X' };
  return {};
}

/** Items 1–23 and 25–33: the same on every page of the claim. */
function headerValues(claim: Claim, data: FormDataset, now: IsoDateTime): PageValues {
  const { patient, payer, coverage, organization: org } = parties(claim, data);
  const prescriber = find(data.prescribers, claim.prescriber, 'prescriber', claim);
  const insured = insuredOf(coverage, patient);
  const typeBox = insuranceTypeBox(payer.filingIndicator);
  const v: PageValues = {};

  // carrier block: payer name, address line 1, line 2 if any, CITY ST ZIP — printed on
  // consecutive lines (no gap where a payer has no second address line)
  const a = payer.address;
  const carrier = [payer.name, a?.line1, a?.line2].map((t) => addressText(t)).filter((t) => t !== '');
  if (a) carrier.push(cityStateZip(a.city, a.state, a.zip));
  CARRIER_LINES.forEach((id, i) => {
    if (carrier[i]) v[id] = carrier[i]!;
  });

  v[typeBox] = 'X';
  v['1a'] = idText(coverage.memberId);
  v['2'] = lastFirstMiddle(patient.lastName, patient.firstName, patient.middle);
  v['3_dob'] = dateLong(patient.dob);
  Object.assign(v, sexBox('3', patient.sex));
  v['4'] = lastFirstMiddle(insured.last, insured.first, insured.middle);

  // item 5: patient address; NUCC recommends not reporting the phone (not in 5010A1)
  const pa = patient.address ?? null;
  v['5_street'] = street(pa);
  if (pa) {
    v['5_city'] = addressText(pa.city);
    v['5_state'] = addressText(pa.state);
    v['5_zip'] = digits(pa.zip);
  }
  v[`6_${coverage.relationship}`] = 'X';
  const ia = insured.address;
  v['7_street'] = street(ia);
  if (ia) {
    v['7_city'] = addressText(ia.city);
    v['7_state'] = addressText(ia.state);
    v['7_zip'] = digits(ia.zip);
  }

  // items 9, 9a, 9d and 11d: the patient's other coverage, if any (NUCC: "If Yes, complete 9, 9a and 9d")
  // R-CO-1: a secondary names the payer whose adjudication it carries (the primary), else the first other coverage
  const prior = claim.priorPayers?.[0];
  const other = (prior ? patient.coverages.find((c) => c.payer === prior.payer && c.priority === prior.priority) : undefined) ?? patient.coverages
    .filter((c) => c !== coverage && !(c.payer === coverage.payer && c.priority === coverage.priority))
    .sort((a, b) => a.priority - b.priority)[0];
  if (other) {
    const otherInsured = insuredOf(other, patient);
    const otherPayer = data.payers.find((p) => p.id === other.payer);
    v['9'] = lastFirstMiddle(otherInsured.last, otherInsured.first, otherInsured.middle);
    v['9a'] = idText(other.memberId);
    v['9d'] = addressText(otherPayer?.name ?? other.payer);
    v['11d_yes'] = 'X';
  } else {
    v['11d_no'] = 'X';
  }

  // item 10: home infusion is never related to employment or an accident
  v['10a_no'] = 'X';
  v['10b_no'] = 'X';
  v['10c_no'] = 'X';

  v['11'] = idText(coverage.groupNumber);
  v['11a_dob'] = dateLong(insured.dob);
  Object.assign(v, sexBox('11a', insured.sex));
  v['11c'] = addressText(payer.name);
  v['12'] = SIGNATURE_ON_FILE;
  v['13'] = SIGNATURE_ON_FILE;

  // item 17: the prescriber orders the therapy, so qualifier DK (ordering provider)
  v['17_qual'] = 'DK';
  v['17'] = firstLast(prescriber.firstName, prescriber.lastName);
  v['17b'] = npiText(prescriber.npi, `prescriber ${prescriber.id} npi`, claim);

  // item 21: ICD-10-CM (indicator 0), codes A–L without the dot (R-CL-3)
  v['21_ind'] = '0';
  claim.diagnoses.forEach((code, i) => {
    const letter = 'ABCDEFGHIJKL'[i];
    if (!letter) throw new Cms1500Error('more than 12 diagnoses (item 21 holds A–L)', claim.id);
    v[`21${letter}`] = idText(code);
  });

  // item 22: replacement (7) or void (8) with the payer's original claim number (R-CL-9)
  if (claim.frequency !== '1') {
    if (!claim.originalClaimNumber) {
      throw new Cms1500Error(`frequency ${claim.frequency} needs the payer's original claim number (item 22)`, claim.id);
    }
    v['22_code'] = claim.frequency;
    v['22_ref'] = idText(claim.originalClaimNumber);
  }
  if (claim.priorAuth) v['23'] = idText(claim.priorAuth);

  v['25'] = digits(org.taxId);
  v['25_ein'] = 'X';
  v['26'] = idText(claim.id);
  v['27_yes'] = 'X';
  v['31'] = SIGNATURE_ON_FILE;
  v['31_date'] = dateShort(now.slice(0, 10));

  // item 32 stays blank for place of service 12 (R-CL-4); item 33 is the billing provider
  const phone = phoneParts(org.phone);
  if (phone) {
    v['33_phone_area'] = phone.area;
    v['33_phone'] = phone.number;
  }
  v['33_name'] = addressText(org.name);
  if (org.address) {
    v['33_street'] = street(org.address);
    v['33_city'] = cityStateZip(org.address.city, org.address.state, org.address.zip);
  }
  v['33a'] = npiText(org.npi, 'organization npi', claim);
  // 33b: taxonomy with qualifier ZZ for payers that use it; Medicare does not want 33b
  if (org.taxonomy && !isMedicare(payer)) v['33b'] = `ZZ${idText(org.taxonomy)}`;
  return v;
}

function lineValues(claim: Claim, line: ClaimLine, number: number, slot: number, billingNpi: string): PageValues {
  const p = `24_${slot}_`;
  const where = `line ${number}`;
  if (line.modifiers.length > 4) throw new Cms1500Error(`${where}: ${line.modifiers.length} modifiers (24D holds 4)`, claim.id);
  if (line.pointers.length > 4) throw new Cms1500Error(`${where}: ${line.pointers.length} diagnosis pointers (24E holds 4)`, claim.id);
  const v: PageValues = {
    [`${p}from`]: dateShort(line.from),
    [`${p}to`]: dateShort(line.to),
    [`${p}pos`]: PLACE_OF_SERVICE_HOME,
    [`${p}cpt`]: idText(line.code),
    [`${p}pointer`]: line.pointers.join(''),
    [`${p}charges`]: money(line.chargeCents),
    [`${p}units`]: quantity(line.units),
  };
  // R-DR-8 "paper": KP/KQ only on the form
  (line.paperModifiers ?? line.modifiers).forEach((m, i) => (v[`${p}mod${i + 1}`] = idText(m)));
  let ndcItem: string | null = null;
  if (line.ndc) {
    if (!line.ndcUnit || line.ndcQty === null) throw new Cms1500Error(`${where}: NDC ${line.ndc} without its unit or quantity`, claim.id);
    ndcItem = ndcSupplemental(digits(line.ndc), line.ndcUnit, line.ndcQty);
  }
  // R-CL-12 ZZ description, R-DR-12 note (left off when it does not fit whole; the build warned)
  const shaded = shadedLine(ndcItem, line.description, line.note).text;
  if (shaded) v[`${p}supplemental`] = shaded;
  // 24J: the rendering NPI only when it differs from the billing NPI in 33a
  const rendering = digits(line.renderingNpi) ? npiText(line.renderingNpi, `${where} renderingNpi`, claim) : '';
  if (rendering && rendering !== billingNpi) v[`${p}npi`] = rendering;
  // nothing on a service line is ever cut: a cut unit count or charge bills something else
  for (const [id, text] of Object.entries(v)) {
    const f = field(id);
    const max = capacity(f, LAYOUT.pitch);
    if (text.length > max) {
      throw new Cms1500Error(`${where}: '${text.trim()}' does not fit ${f.label.replace(/^Line \d+ /, '')} (${max} characters)`, claim.id);
    }
  }
  return v;
}

/** Values that must never be cut: a cut amount, code, date or NPI would bill something else. */
function mustFit(id: string): boolean {
  return id.startsWith('24_') || /^(1a|3_dob|11a_dob|17b|21|22_code|25|28|29|31_date|33a|33b)/.test(id);
}

/** Cuts long values to the box; refuses values that must not be cut. */
function fit(claim: Claim, page: number, values: PageValues): PageValues {
  const out: PageValues = {};
  for (const [id, text] of Object.entries(values)) {
    if (text === '') continue;
    const max = capacity(field(id), LAYOUT.pitch);
    if (text.length <= max) out[id] = text;
    else if (mustFit(id)) {
      throw new Cms1500Error(`page ${page}: '${text.trim()}' does not fit ${field(id).label} (${max} characters)`, claim.id);
    } else out[id] = text.slice(0, max).trimEnd();
  }
  return out;
}

/**
 * The pages of one claim. Items 1–23 and 25–33 repeat on every page. With `continued`, item 28
 * says CONTINUED on pages 1..n−1 and carries the claim total on the last; with `perPage` each
 * page totals its own lines. Item 29 (amount paid) prints on the last page only in both modes: a
 * payment was made on the claim, not on its lines, so it cannot be split by page. A multi-page
 * claim says PAGE i OF n in the carrier area.
 */
export function claimPages(claim: Claim, data: FormDataset, now: IsoDateTime, totals: PageTotals): PageValues[] {
  if (claim.lines.length === 0) throw new Cms1500Error('no service lines', claim.id);
  const sum = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
  if (sum !== claim.totalCents) {
    throw new Cms1500Error(`total ${claim.totalCents} cents differs from its lines' sum ${sum}`, claim.id);
  }
  const header = headerValues(claim, data, now);
  const billingNpi = header['33a'] ?? '';
  const paid = amountPaidCents(claim, find(data.payers, claim.payer, 'payer', claim));
  const count = Math.ceil(claim.lines.length / LINES_PER_PAGE);
  const pages: PageValues[] = [];
  for (let i = 0; i < count; i++) {
    const lines = claim.lines.slice(i * LINES_PER_PAGE, (i + 1) * LINES_PER_PAGE);
    const v: PageValues = { ...header };
    lines.forEach((line, k) => Object.assign(v, lineValues(claim, line, i * LINES_PER_PAGE + k + 1, k + 1, billingNpi)));
    const last = i === count - 1;
    if (totals === 'perPage') v['28'] = money(lines.reduce((s, l) => s + l.chargeCents, 0));
    else v['28'] = last ? money(claim.totalCents) : 'CONTINUED';
    if (last && paid !== null) v['29'] = money(paid);
    if (count > 1) v.carrier_page = `PAGE ${i + 1} OF ${count}`;
    pages.push(fit(claim, i + 1, v));
  }
  return pages;
}
