// Loops 2300 (claim), 2400 (service line) and 2410 (drug): the segments that fill a ReadClaim,
// and the checks that need the whole claim, run when the next claim or HL begins or SE ends it.
import { isRealDate } from '../../format.ts';
import { MAX_LINES_PER_CLAIM } from '../../limits.ts';
import { cents, d8ToIso } from '../values.ts';
import { checkOtherPayers } from './otherPayers.ts';
import type { Handler, Reading837 } from './reading.ts';
import type { ReadLine } from './result.ts';

export function finishClaim(r: Reading837): void {
  const claim = r.claim;
  if (!claim) return;
  const err = (i: number, loop: string, message: string) => r.issues.error(i, loop, message);
  const at = r.claimAt;
  const sum = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
  if (sum !== claim.totalCents) err(at, '2300', `CLM02 ${claim.totalCents / 100} is not the sum of SV102 (${sum / 100})`);
  if ((claim.frequency === '7' || claim.frequency === '8') && !claim.originalClaimNumber) {
    err(at, '2300', `frequency ${claim.frequency} (replacement/void) without REF*F8 payer claim control number`);
  }
  if (claim.frequency === '1' && claim.originalClaimNumber) r.issues.warning(at, '2300', 'REF*F8 on an original claim');
  if (!['1', '7', '8'].includes(claim.frequency)) r.issues.warning(at, '2300', `claim frequency ${claim.frequency} is not 1, 7 or 8`);
  if (claim.lines.length > MAX_LINES_PER_CLAIM) err(at, '2300', `${claim.lines.length} service lines; at most ${MAX_LINES_PER_CLAIM}`);
  for (const l of claim.lines) {
    const lx = r.lineAt.get(l) ?? at;
    for (const ptr of l.pointers) if (ptr < 1 || ptr > claim.diagnoses.length) err(lx, '2400', `line ${l.n}: pointer ${ptr} has no diagnosis in HI`);
    if (new Set(l.pointers).size !== l.pointers.length) err(lx, '2400', `line ${l.n}: repeated diagnosis pointer`);
    if (/^J\d{4}$/.test(l.code) && !l.ndc) err(lx, '2400', `line ${l.n}: ${l.code} is a J-code line without 2410 LIN/CTP`);
    if (l.ndc && l.ndcQty === null) err(lx, '2410', `line ${l.n}: LIN without CTP`);
  }
  checkOtherPayers(r, claim);
  r.claims.push(claim);
  r.claim = null;
  r.line = null;
  r.otherPayer = null;
  r.adjudication = null;
}

export const claim: Handler = (s, at, r) => {
  r.claimAt = at.i;
  const total = cents(s[2]);
  if (total === null) r.error(at, `CLM02 '${s[2]}' is not an amount with at most 2 decimals`);
  const [pos = '', qual = '', freq = ''] = (s[5] ?? '').split(r.component);
  if (qual !== 'B') r.error(at, 'CLM05-2 is not B');
  r.claim = {
    id: s[1] ?? '', totalCents: total ?? 0, placeOfService: pos, frequency: freq, priorAuth: null, originalClaimNumber: null,
    diagnoses: [], referringNpi: null, payerId: r.payerId, memberId: r.memberId, patientRelationship: r.relationship, otherPayers: [], lines: [],
  };
  if (r.currentHl) r.currentHl.claims++;
};

export const diagnoses: Handler = (s, at, r) => {
  const c = r.claim;
  if (!c) return;
  s.slice(1).forEach((el, k) => {
    const [q = '', code = ''] = el.split(r.component);
    const want = k === 0 ? 'ABK' : 'ABF';
    if (q !== want) r.error(at, `HI${String(k + 1).padStart(2, '0')} qualifier ${q} is not ${want}`);
    if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code)) r.error(at, `diagnosis '${code}' is not ICD-10-CM without a dot`);
    if (c.diagnoses.includes(code)) r.error(at, `diagnosis ${code} is repeated`);
    c.diagnoses.push(code);
  });
};

export const lineNumber: Handler = (s, at, r) => {
  if (!r.claim) {
    r.error(at, 'LX outside a claim');
    return;
  }
  const n = Number(s[1]);
  if (n !== r.claim.lines.length + 1) r.error(at, `LX01 ${s[1]} out of sequence (expected ${r.claim.lines.length + 1})`);
  const line: ReadLine = { n, code: '', modifiers: [], chargeCents: 0, units: 0, pointers: [], from: '', to: '', lineControlNumber: null, ndc: null, ndcQty: null, ndcUnit: null, renderingNpi: null, adjudications: [] };
  r.line = line;
  r.claim.lines.push(line);
  r.lineAt.set(line, at.i);
};

export const service: Handler = (s, at, r) => {
  const line = r.line;
  if (!line) return;
  const [q = '', code = '', ...mods] = (s[1] ?? '').split(r.component);
  if (q !== 'HC') r.error(at, `SV101-1 '${q}' is not HC`);
  line.code = code;
  line.modifiers = mods.slice(0, 4);
  // a description in SV101-7 keeps the empty modifier slots before it (R-CL-12)
  while (line.modifiers.length > 0 && line.modifiers[line.modifiers.length - 1] === '') line.modifiers.pop();
  for (const m of line.modifiers) if (!/^[A-Z0-9]{2}$/.test(m)) r.error(at, `modifier '${m}' is not 2 upper-case alphanumerics`);
  const c = cents(s[2]);
  if (c === null || c < 0) r.error(at, `SV102 '${s[2]}' is not an amount ≥ 0 with at most 2 decimals`);
  line.chargeCents = c ?? 0;
  if (s[3] !== 'UN') r.error(at, `SV103 '${s[3]}' is not UN`);
  line.units = Number(s[4]);
  if (!(line.units > 0)) r.error(at, `SV104 units '${s[4]}' are not above 0`);
  line.pointers = (s[7] ?? '').split(r.component).filter((x) => x !== '').map(Number);
  if (line.pointers.length < 1 || line.pointers.length > 4) r.error(at, 'SV107 needs 1 to 4 diagnosis pointers');
};

/** DTP*472 of a line; claim-level DTPs carry nothing we read back. */
export const serviceDate: Handler = (s, at, r) => {
  const line = r.line;
  if (!line || s[1] !== '472') return;
  const v = s[3] ?? '';
  const [a = '', b = a] = s[2] === 'RD8' ? v.split('-') : [v];
  if (!/^\d{8}$/.test(a) || !/^\d{8}$/.test(b) || !isRealDate(d8ToIso(a)) || !isRealDate(d8ToIso(b)) || b < a) {
    r.error(at, `DTP*472 '${v}' is not a real ${s[2]} date`);
  }
  line.from = d8ToIso(a);
  line.to = d8ToIso(b);
  if (b > (r.bht04 ?? '99999999')) r.warning(at, `service date ${b} is after the file's creation date ${r.bht04}`);
};

export const drug: Handler = (s, at, r) => {
  const line = r.line;
  if (!line) return;
  if (s[2] !== 'N4') r.error(at, 'LIN02 is not N4');
  if (!/^\d{11}$/.test(s[3] ?? '')) r.error(at, `NDC '${s[3]}' is not 11 digits`);
  line.ndc = s[3] ?? null;
};

export const drugQuantity: Handler = (s, at, r) => {
  const line = r.line;
  if (!line) return;
  line.ndcQty = Number(s[4]);
  line.ndcUnit = (s[5] ?? '').split(r.component)[0] ?? null;
  if (!(line.ndcQty > 0) || !/^\d+(\.\d{1,3})?$/.test(s[4] ?? '')) r.error(at, `CTP04 '${s[4]}' is not a quantity above 0 with at most 3 decimals`);
  if (!['F2', 'GR', 'ME', 'ML', 'UN'].includes(line.ndcUnit ?? '')) r.error(at, `CTP05 unit '${line.ndcUnit}' is not F2 GR ME ML UN`);
};

/** REF means something else in every loop: a provider's tax id, an authorization, a line's control number. */
export const reference: Handler = (s, at, r) => {
  const { loop } = at;
  if (loop === '2410' && s[1] !== 'XZ' && s[1] !== 'VY') r.error(at, `REF*${s[1]} is not allowed in loop 2410`);
  if (loop === '2010AA' && (s[1] === 'EI' || s[1] === 'SY') && !/^\d{9}$/.test(s[2] ?? '')) r.error(at, `REF*${s[1]} '${s[2]}' is not 9 digits`);
  if (loop === '2300' && r.claim) {
    if (s[1] === 'G1') r.claim.priorAuth = s[2] ?? null;
    if (s[1] === 'F8') r.claim.originalClaimNumber = s[2] ?? null;
  }
  if (loop === '2330B' && r.otherPayer && s[1] === 'F8') r.otherPayer.payerClaimNumber = s[2] ?? null;
  if (loop === '2400' && r.line && s[1] === '6R') r.line.lineControlNumber = s[2] ?? null;
};
