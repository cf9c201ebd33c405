// 2300 claim, 2310A referring (ordering) provider, 2400 service lines, 2410 drug, 2420A rendering.
import type { Claim, ClaimLine } from '../../domain/claims.ts';
import { NDC_UNITS, type NdcUnit, type Organization } from '../../domain/types.ts';
import { isDrugCode } from '../../claims/rules/missingNdc.ts';
import type { Lookup, Problems } from './context.ts';
import { d8, decimal, money } from './format.ts';
import { loop2430, otherPayers, type OtherPayer } from './loops-otherPayer.ts';
import { LEN, MAX_DIAGNOSES, MAX_LINES_PER_CLAIM, MAX_MODIFIERS, MAX_POINTERS } from './limits.ts';
import { seg, type Segment } from './segment.ts';
import { lineControlNumber } from '../../domain/claims.ts';

/** Place of service 12 (home) on every claim (R-CL-4): CLM05-1, with CLM05-2 B and the frequency. */
const POS_HOME = '12';
const POINTER_LETTERS = 'ABCDEFGHIJKL';
const PROCEDURE = /^[A-Z0-9]{5}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
/** ICD-10-CM without the dot: letter, digit, then 1–5 alphanumerics. */
const ICD10 = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

export interface ClaimContext {
  lookup: Lookup;
  org: Organization;
  p: Problems;
}


/** A line needs 2410 when it bills a drug: drug/waste lines, drug codes (R-DR-7's table), or any line carrying an NDC. */
function isDrugLine(line: ClaimLine): boolean {
  return line.kind === 'drug' || line.kind === 'waste' || isDrugCode(line.code) || line.ndc != null;
}

function diagnoses(claim: Claim, field: string, p: Problems): Segment {
  const codes = claim.diagnoses.map((c) => c.replace(/\./g, '').trim().toUpperCase());
  if (codes.length === 0) p.add(`${field}.diagnoses`, 'has no diagnosis (HI needs at least one)');
  if (codes.length > MAX_DIAGNOSES) p.add(`${field}.diagnoses`, `has ${codes.length} codes; an 837P holds ${MAX_DIAGNOSES}`);
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (!ICD10.test(c)) p.add(`${field}.diagnoses[${i}]`, `'${claim.diagnoses[i]}' is not an ICD-10-CM code`);
    if (seen.has(c)) p.add(`${field}.diagnoses[${i}]`, `'${c}' is listed twice`);
    seen.add(c);
  });
  return seg('HI', ...codes.slice(0, MAX_DIAGNOSES).map((c, i) => [i === 0 ? 'ABK' : 'ABF', c]));
}

/** 2310A NM1*DN: the prescriber who ordered the therapy (CMS-1500 item 17, qualifier DN). */
function loop2310A(claim: Claim, field: string, { lookup, p }: ClaimContext): Segment[] {
  const doc = lookup.prescribers.get(claim.prescriber);
  if (!doc) {
    p.add(`${field}.prescriber`, `'${claim.prescriber}' is not a known prescriber`);
    return [];
  }
  const who = `prescribers[${doc.id}]`;
  return [
    seg(
      'NM1', 'DN', '1', p.text(doc.lastName, LEN.lastOrOrg, `${who}.lastName`), p.text(doc.firstName, LEN.first, `${who}.firstName`, false),
      '', '', '', 'XX', p.npi(doc.npi, `${who}.npi`),
    ),
  ];
}

function sv1(line: ClaimLine, claim: Claim, field: string, p: Problems): Segment {
  const code = line.code.trim().toUpperCase();
  if (!PROCEDURE.test(code)) p.add(`${field}.code`, `'${line.code}' is not a 5-character HCPCS/CPT code`);
  if (line.modifiers.length > MAX_MODIFIERS) p.add(`${field}.modifiers`, `has ${line.modifiers.length} modifiers; at most ${MAX_MODIFIERS}`);
  const procedure = ['HC', code];
  for (let i = 0; i < line.modifiers.length && i < MAX_MODIFIERS; i++) {
    const m = line.modifiers[i]!;
    const v = m.trim().toUpperCase();
    if (!MODIFIER.test(v)) p.add(`${field}.modifiers[${i}]`, `'${m}' is not a 2-character modifier`);
    procedure.push(v);
  }
  if (line.description) {
    // R-CL-12: SV101-7 after the four modifier slots, empty ones kept (HC:J3490:::::TEXT)
    while (procedure.length < 2 + MAX_MODIFIERS) procedure.push('');
    procedure.push(line.description.slice(0, LEN.lineText));
  }
  if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 0) p.add(`${field}.chargeCents`, `${line.chargeCents} is not whole cents ≥ 0`);
  if (!(line.units > 0)) p.add(`${field}.units`, `${line.units} is not more than 0`);
  if (line.pointers.length === 0 || line.pointers.length > MAX_POINTERS) {
    p.add(`${field}.pointers`, `has ${line.pointers.length} diagnosis pointers; 1 to ${MAX_POINTERS} are needed`);
  }
  const pointers: string[] = [];
  for (let i = 0; i < line.pointers.length && i < MAX_POINTERS; i++) {
    const letter = line.pointers[i]!;
    const n = POINTER_LETTERS.indexOf(letter) + 1;
    if (n < 1 || n > claim.diagnoses.length) p.add(`${field}.pointers[${i}]`, `'${letter}' does not point at a diagnosis of the claim`);
    if (line.pointers.indexOf(letter) !== i) p.add(`${field}.pointers[${i}]`, `'${letter}' is repeated`);
    pointers.push(String(Math.max(n, 1)));
  }
  return seg(
    'SV1', procedure, money(Number.isSafeInteger(line.chargeCents) ? line.chargeCents : 0), 'UN',
    decimal(line.units > 0 ? line.units : 1), '', '', pointers,
  );
}

function dtp472(line: ClaimLine, field: string, p: Problems): Segment {
  try {
    if (line.to < line.from) p.add(`${field}.to`, `${line.to} is before ${line.from}`);
    return line.from === line.to ? seg('DTP', '472', 'D8', d8(line.from)) : seg('DTP', '472', 'RD8', `${d8(line.from)}-${d8(line.to)}`);
  } catch {
    p.add(`${field}.from`, `'${line.from}'…'${line.to}' is not a real date range`);
    return seg('DTP', '472', 'D8', '');
  }
}

/** 2410: LIN**N4*<11-digit NDC> and CTP****<quantity, ≤ 3 decimals>*<unit>. */
function loop2410(line: ClaimLine, field: string, p: Problems, out: Segment[]): void {
  const ndc = (line.ndc ?? '').trim();
  if (!ndc) {
    // R-DR-7: payers (and Medicaid by law) deny a J-code or drug line without its NDC
    p.add(`${field}.ndc`, `${line.code} is a drug line (${line.kind}) without an NDC; an 837P drug line needs LIN/CTP with the 11-digit NDC`);
    return;
  }
  if (!/^\d{11}$/.test(ndc)) p.add(`${field}.ndc`, `'${line.ndc}' is not an 11-digit NDC`);
  const qty = line.ndcQty ?? 0;
  if (!(qty > 0) || decimal(qty) === '0') p.add(`${field}.ndcQty`, `${line.ndcQty} is not a quantity above 0`);
  const unit = line.ndcUnit;
  if (!unit || !NDC_UNITS.includes(unit)) p.add(`${field}.ndcUnit`, `'${unit ?? ''}' is not one of ${NDC_UNITS.join(' ')}`);
  out.push(seg('LIN', '', 'N4', ndc), seg('CTP', '', '', '', decimal(qty > 0 ? qty : 0), (unit ?? 'UN') as NdcUnit));
}

/** 2420A on a nursing line whose nurse has an NPI other than the billing provider's. */
function loop2420A(line: ClaimLine, field: string, { lookup, org, p }: ClaimContext, out: Segment[]): void {
  const npi = line.renderingNpi?.trim();
  if (!npi || npi === org.npi.trim()) return;
  const nurse = lookup.nursesByNpi.get(npi);
  if (!nurse) {
    p.add(`${field}.renderingNpi`, `'${npi}' is not the NPI of a known nurse`);
    return;
  }
  const who = `nurses[${nurse.id}]`;
  out.push(
    seg(
      'NM1', '82', '1', p.text(nurse.lastName, LEN.lastOrOrg, `${who}.lastName`), p.text(nurse.firstName, LEN.first, `${who}.firstName`, false),
      '', '', '', 'XX', p.npi(npi, `${who}.npi`),
    ),
  );
}

/** Appends the line's segments to `out` (the hot path of a large file: no intermediate arrays). */
function loop2400(claim: Claim, line: ClaimLine, n: number, field: string, ctx: ClaimContext, others: readonly OtherPayer[], out: Segment[]): void {
  // R-CL-4: home only; another place would need SV105 and a 2420C service facility
  if (line.placeOfService && line.placeOfService !== POS_HOME) {
    ctx.p.add(`${field}.placeOfService`, `'${line.placeOfService}' is not 12 (home); the 837P export writes home services only`);
  }
  out.push(seg('LX', String(n)), sv1(line, claim, field, ctx.p), dtp472(line, field, ctx.p), seg('REF', '6R', lineControlNumber(claim.id, n)));
  // R-DR-12: the line note (2400 NTE, ADD) comes before 2410
  if (line.note) out.push(seg('NTE', 'ADD', line.note.slice(0, LEN.lineText)));
  if (isDrugLine(line)) loop2410(line, field, ctx.p, out);
  loop2420A(line, field, ctx, out);
  loop2430(others, n, ctx.p, out);
}

export function loop2300(claim: Claim, ctx: ClaimContext): Segment[] {
  const { p } = ctx;
  const field = `claims[${claim.id}]`;
  const id = p.id(claim.id, LEN.claimId, `${field}.id`);
  // the longest REF*6R must fit REF02 too
  if (id.length + 1 + String(claim.lines.length).length > LEN.reference) p.add(`${field}.id`, 'is too long for the line control numbers');
  if (claim.lines.length === 0 || claim.lines.length > MAX_LINES_PER_CLAIM) {
    p.add(`${field}.lines`, `has ${claim.lines.length} lines; an 837P claim holds 1 to ${MAX_LINES_PER_CLAIM}`);
  }
  const total = claim.lines.reduce((sum, l) => sum + l.chargeCents, 0);
  if (total !== claim.totalCents) p.add(`${field}.totalCents`, `${claim.totalCents} is not the sum of its lines (${total})`);
  if (!['1', '7', '8'].includes(claim.frequency)) p.add(`${field}.frequency`, `'${claim.frequency}' is not 1, 7 or 8`);

  const out: Segment[] = [seg('CLM', id, money(Number.isSafeInteger(total) ? total : 0), '', '', [POS_HOME, 'B', claim.frequency], 'Y', 'A', 'Y', 'Y')];
  if (claim.priorAuth) out.push(seg('REF', 'G1', p.id(claim.priorAuth, LEN.reference, `${field}.priorAuth`)));
  // R-CL-9: a replacement (7) or void (8) names the payer's claim control number of the original.
  if (claim.frequency === '7' || claim.frequency === '8') {
    out.push(seg('REF', 'F8', p.id(claim.originalClaimNumber, LEN.reference, `${field}.originalClaimNumber`)));
  }
  out.push(diagnoses(claim, field, p), ...loop2310A(claim, field, ctx));
  // R-CO-1: a secondary or tertiary claim carries each earlier payer's 2320–2330B, then 2430 per line
  const others = otherPayers(claim, ctx);
  for (const o of others) out.push(...o.segments);
  claim.lines.forEach((line, i) => loop2400(claim, line, i + 1, `${field}.lines[${i + 1}]`, ctx, others, out));
  return out;
}
