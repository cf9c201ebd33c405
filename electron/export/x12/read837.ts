// read837: parses an 837P we wrote and checks what a clearinghouse checks first — envelope
// counts and control numbers, loop structure and segment order, HL tree, LX sequence — plus the
// business rules of tools/x12's `[rules]` layer (sums, pointers, NDC, NPI, ZIP+4, 2000C/SBR02,
// F8). It runs in our own tests, without pyx12, on every file the writer produces.
import { isRealDate } from './format.ts';
import { MAX_CLAIMS_PER_SUBSCRIBER, MAX_LINES_PER_CLAIM } from './limits.ts';
import { isValidNpi } from '../../import/npi.ts';
import { checkEnvelope, controlNumbers } from './read/envelope.ts';
import { checkAscii, checkElements } from './read/hygiene.ts';
import { Issues, type X12Issue } from './read/issues.ts';
import { ISA_LENGTH, tokenize } from './read/tokenize.ts';
import { cents, d8ToIso } from './read/values.ts';

export type { X12Issue } from './read/issues.ts';

export interface ReadLine {
  n: number;
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  /** HI positions, 1-based */
  pointers: number[];
  from: string;
  to: string;
  lineControlNumber: string | null;
  ndc: string | null;
  ndcQty: number | null;
  ndcUnit: string | null;
  renderingNpi: string | null;
}

export interface ReadClaim {
  id: string;
  totalCents: number;
  placeOfService: string;
  frequency: string;
  priorAuth: string | null;
  originalClaimNumber: string | null;
  diagnoses: string[];
  referringNpi: string | null;
  payerId: string | null;
  memberId: string | null;
  /** PAT01 when the patient is not the subscriber */
  patientRelationship: string | null;
  lines: ReadLine[];
}

export interface Read837Result {
  ok: boolean;
  errors: X12Issue[];
  warnings: X12Issue[];
  /** every segment as its elements (components joined by the component separator), ISA first */
  segments: string[][];
  claims: ReadClaim[];
  interchangeControlNumber: string | null;
  groupControlNumber: string | null;
  transactionControlNumber: string | null;
}

interface LoopDef {
  /** segment ids allowed in the loop, in the order the map requires */
  order: readonly string[];
  /** segment ids the loop must contain */
  required: readonly string[];
  /** allowed parent loops, and the rank among the parent's child loops */
  parents: readonly string[];
  rank: number;
}

const LOOPS: Readonly<Record<string, LoopDef>> = {
  HEADER: { order: ['ST', 'BHT'], required: ['ST', 'BHT'], parents: [], rank: 0 },
  '1000A': { order: ['NM1', 'PER'], required: ['NM1', 'PER'], parents: ['HEADER'], rank: 1 },
  '1000B': { order: ['NM1'], required: ['NM1'], parents: ['HEADER'], rank: 2 },
  '2000A': { order: ['HL', 'PRV', 'CUR'], required: ['HL'], parents: ['HEADER'], rank: 3 },
  '2010AA': { order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1', 'N3', 'N4', 'REF'], parents: ['2000A'], rank: 1 },
  '2000B': { order: ['HL', 'SBR', 'PAT'], required: ['HL', 'SBR'], parents: ['2000A'], rank: 4 },
  '2010BA': { order: ['NM1', 'N3', 'N4', 'DMG', 'REF', 'PER'], required: ['NM1'], parents: ['2000B'], rank: 1 },
  '2010BB': { order: ['NM1', 'N3', 'N4', 'REF'], required: ['NM1'], parents: ['2000B'], rank: 2 },
  '2000C': { order: ['HL', 'PAT'], required: ['HL', 'PAT'], parents: ['2000B'], rank: 4 },
  '2010CA': { order: ['NM1', 'N3', 'N4', 'DMG', 'REF', 'PER'], required: ['NM1', 'N3', 'N4', 'DMG'], parents: ['2000C'], rank: 1 },
  '2300': {
    order: ['CLM', 'DTP', 'PWK', 'CN1', 'AMT', 'REF', 'K3', 'NTE', 'CR1', 'CR2', 'CRC', 'HI', 'HCP'],
    required: ['CLM', 'HI'],
    parents: ['2000B', '2000C'],
    rank: 3,
  },
  '2310A': { order: ['NM1', 'REF'], required: ['NM1'], parents: ['2300'], rank: 1 },
  '2310B': { order: ['NM1', 'PRV', 'REF'], required: ['NM1'], parents: ['2300'], rank: 2 },
  '2310C': { order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1', 'N3', 'N4'], parents: ['2300'], rank: 3 },
  '2400': {
    order: ['LX', 'SV1', 'SV5', 'PWK', 'CR1', 'CR3', 'CRC', 'DTP', 'QTY', 'MEA', 'CN1', 'REF', 'AMT', 'K3', 'NTE', 'PS1', 'HCP'],
    required: ['LX', 'SV1', 'DTP'],
    parents: ['2300'],
    rank: 9,
  },
  '2410': { order: ['LIN', 'CTP', 'REF'], required: ['LIN', 'CTP'], parents: ['2400'], rank: 1 },
  '2420A': { order: ['NM1', 'PRV', 'REF'], required: ['NM1'], parents: ['2400'], rank: 2 },
  '2420C': { order: ['NM1', 'N3', 'N4', 'REF'], required: ['NM1', 'N3', 'N4'], parents: ['2400'], rank: 3 },
  '2420E': { order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1'], parents: ['2400'], rank: 5 },
  '2420F': { order: ['NM1', 'REF'], required: ['NM1'], parents: ['2400'], rank: 6 },
};

/** Which loop a segment opens, given the loop it appears in (NM1*82 is 2310B or 2420A). */
function opens(el: readonly string[], inside: readonly { loop: string }[]): string | null {
  const [id, e1, , e3] = el;
  if (id === 'ST') return 'HEADER';
  if (id === 'HL') return e3 === '20' ? '2000A' : e3 === '22' ? '2000B' : e3 === '23' ? '2000C' : 'HL?';
  if (id === 'CLM') return '2300';
  if (id === 'LX') return '2400';
  if (id === 'LIN') return '2410';
  if (id !== 'NM1') return null;
  const in2400 = inside.some((o) => o.loop === '2400');
  switch (e1) {
    case '41': return '1000A';
    case '40': return '1000B';
    case '85': return '2010AA';
    case 'IL': return '2010BA';
    case 'PR': return '2010BB';
    case 'QC': return '2010CA';
    case 'DN': case 'P3': return in2400 ? '2420F' : '2310A';
    case '82': return in2400 ? '2420A' : '2310B';
    case '77': return in2400 ? '2420C' : '2310C';
    case 'DK': return '2420E';
    default: return 'NM1?';
  }
}

export function read837(text: string): Read837Result {
  const tokens = tokenize(text);
  const segments = tokens?.segments ?? [];
  const issues = new Issues(segments);
  const claims: ReadClaim[] = [];
  const result = (): Read837Result => ({
    ok: issues.ok,
    errors: issues.errors,
    warnings: issues.warnings,
    segments,
    claims,
    ...controlNumbers(segments),
  });

  checkAscii(text, issues);
  if (!tokens) {
    issues.error(0, '', `the file does not start with a ${ISA_LENGTH}-character ISA`, 'ISA');
    return result();
  }
  const span = checkEnvelope(tokens, '005010X222A1', issues);
  if (!span) return result();
  const { st: stI, se: seI } = span;
  const comp = tokens.delimiters.component;
  checkElements(segments, comp, issues);
  const err = (i: number, loop: string, message: string) => issues.error(i, loop, message);
  const warn = (i: number, loop: string, message: string) => issues.warning(i, loop, message);

  // --- loops, order, HL tree, claims -------------------------------------------------------------
  interface Open {
    loop: string;
    at: number;
    pos: number;
    seen: Set<string>;
    childRank: number;
    /** HL01 of an HL loop */
    hl: number | null;
  }
  const stack: Open[] = [];
  const close = (down: number) => {
    while (stack.length > down) {
      const o = stack.pop()!;
      const def = LOOPS[o.loop];
      if (def) for (const r of def.required) if (!o.seen.has(r)) err(o.at, o.loop, `loop ${o.loop} lacks its required ${r}`);
    }
  };
  interface Hl { id: number; parent: number | null; level: string; childFlag: string; at: number; children: number; claims: number; hasPatient: boolean; sbr02: string | null; dmg: boolean }
  const hls = new Map<number, Hl>();
  let expectHl = 1;
  let currentHl: Hl | null = null;
  let claim: ReadClaim | null = null;
  let claimAt = 0;
  let line: ReadLine | null = null;
  const lineAt = new Map<ReadLine, number>();
  let payerId: string | null = null;
  let memberId: string | null = null;
  let relationship: string | null = null;
  let bht04: string | null = null;

  const finishClaim = () => {
    if (!claim) return;
    const sum = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
    if (sum !== claim.totalCents) err(claimAt, '2300', `CLM02 ${claim.totalCents / 100} is not the sum of SV102 (${sum / 100})`);
    if ((claim.frequency === '7' || claim.frequency === '8') && !claim.originalClaimNumber) {
      err(claimAt, '2300', `frequency ${claim.frequency} (replacement/void) without REF*F8 payer claim control number`);
    }
    if (claim.frequency === '1' && claim.originalClaimNumber) warn(claimAt, '2300', 'REF*F8 on an original claim');
    if (!['1', '7', '8'].includes(claim.frequency)) warn(claimAt, '2300', `claim frequency ${claim.frequency} is not 1, 7 or 8`);
    if (claim.lines.length > MAX_LINES_PER_CLAIM) err(claimAt, '2300', `${claim.lines.length} service lines; at most ${MAX_LINES_PER_CLAIM}`);
    for (const l of claim.lines) {
      const at = lineAt.get(l) ?? claimAt;
      for (const ptr of l.pointers) if (ptr < 1 || ptr > claim.diagnoses.length) err(at, '2400', `line ${l.n}: pointer ${ptr} has no diagnosis in HI`);
      if (new Set(l.pointers).size !== l.pointers.length) err(at, '2400', `line ${l.n}: repeated diagnosis pointer`);
      if (/^J\d{4}$/.test(l.code) && !l.ndc) err(at, '2400', `line ${l.n}: ${l.code} is a J-code line without 2410 LIN/CTP`);
      if (l.ndc && l.ndcQty === null) err(at, '2410', `line ${l.n}: LIN without CTP`);
    }
    claims.push(claim);
    claim = null;
    line = null;
  };

  for (let i = stI; i <= seI; i++) {
    const s = segments[i]!;
    const id = s[0]!;
    if (id === 'SE') {
      finishClaim();
      close(0);
      break;
    }
    const opened = opens(s, stack);
    let loop: string;
    if (opened) {
      if (opened.endsWith('?')) {
        err(i, stack.at(-1)?.loop ?? '', `unexpected ${id}*${s[1]}${id === 'HL' ? `*${s[2]}*${s[3]}` : ''}`);
        continue;
      }
      const def = LOOPS[opened]!;
      // pop to the nearest allowed parent
      let depth = stack.length;
      while (depth > 0 && !def.parents.includes(stack[depth - 1]!.loop)) depth--;
      if (def.parents.length === 0) depth = 0;
      else if (depth === 0) {
        err(i, opened, `loop ${opened} outside ${def.parents.join('/')}`);
        continue;
      }
      close(depth);
      const parent = stack[depth - 1];
      if (parent) {
        if (def.rank < parent.childRank) err(i, opened, `loop ${opened} is out of order inside ${parent.loop}`);
        parent.childRank = Math.max(parent.childRank, def.rank);
      }
      if (opened === '2300' || opened === '2000B' || opened === '2000C' || opened === '2000A') finishClaim();
      if (opened === '2400') line = null;
      stack.push({ loop: opened, at: i, pos: -1, seen: new Set(), childRank: 0, hl: id === 'HL' ? Number(s[1]) : null });
      loop = opened;
    } else {
      loop = stack.at(-1)?.loop ?? '';
    }
    const top = stack.at(-1);
    if (!top) {
      err(i, '', `${id} outside the transaction structure`);
      continue;
    }
    const order = LOOPS[top.loop]!.order;
    const pos = order.indexOf(id);
    if (pos < 0) err(i, top.loop, `${id} is not expected in loop ${top.loop}`);
    else if (pos < top.pos) err(i, top.loop, `${id} is out of order in loop ${top.loop} (after ${order[top.pos]})`);
    else top.pos = pos;
    top.seen.add(id);

    // --- segment content -------------------------------------------------------------------
    switch (id) {
      case 'HL': {
        const n = Number(s[1]);
        if (n !== expectHl) err(i, loop, `HL01 ${s[1]} out of sequence (expected ${expectHl})`);
        expectHl = n + 1;
        const parent = s[2] ? Number(s[2]) : null;
        const wantParent = loop === '2000A' ? null : loop === '2000B' ? '20' : '22';
        if (wantParent === null && parent !== null) err(i, loop, 'the billing provider HL has a parent');
        if (wantParent !== null) {
          const ph = parent === null ? undefined : hls.get(parent);
          const openParent = stack.at(-2)?.hl;
          if (!ph || ph.level !== wantParent || openParent !== parent) err(i, loop, `HL02 ${s[2] ?? ''} is not the open HL of level ${wantParent}`);
          else ph.children++;
        }
        currentHl = { id: n, parent, level: s[3] ?? '', childFlag: s[4] ?? '', at: i, children: 0, claims: 0, hasPatient: false, sbr02: null, dmg: false };
        hls.set(n, currentHl);
        if (loop === '2000C' && parent !== null) {
          const sub = hls.get(parent);
          if (sub) sub.hasPatient = true;
        }
        if (loop === '2000B') relationship = null;
        break;
      }
      case 'SBR':
        if (currentHl) currentHl.sbr02 = s[2] ?? '';
        if (!s[9]) warn(i, loop, 'SBR09 claim filing indicator is empty');
        break;
      case 'PAT':
        relationship = s[1] ?? null;
        if (s[1] === '18') err(i, loop, 'PAT01 18 (self) is not allowed in 2000C');
        break;
      case 'DMG':
        if (loop === '2010BA' && currentHl) currentHl.dmg = true;
        if (!isRealDate(d8ToIso(s[2] ?? ''))) err(i, loop, `DMG02 '${s[2]}' is not a real date`);
        break;
      case 'NM1':
        if (s[8] === 'XX' && !isValidNpi(s[9] ?? '')) err(i, loop, `NPI '${s[9]}' fails the check digit`);
        if (loop === '2010AA' && s[8] !== 'XX') err(i, loop, 'the billing provider has no NPI');
        if (loop === '2010BA') memberId = s[9] ?? null;
        if (loop === '2010BB') payerId = s[9] ?? null;
        if (loop === '2310A' && claim) claim.referringNpi = s[9] ?? null;
        if (loop === '2420A' && line) line.renderingNpi = s[9] ?? null;
        break;
      case 'N4':
        if ((loop === '2010AA' || loop === '2310C' || loop === '2420C') && !/^\d{9}$/.test(s[3] ?? '')) {
          err(i, loop, `${loop === '2010AA' ? 'billing provider' : 'service facility'} ZIP '${s[3]}' is not 9 digits (ZIP+4)`);
        }
        else if (s[3] && !/^\d{5}(\d{4})?$/.test(s[3])) warn(i, loop, `ZIP '${s[3]}' is not 5 or 9 digits`);
        break;
      case 'N3':
        if (loop === '2010AA' && /\bP\.?\s*O\.?\s*BOX\b/i.test(s.slice(1).join(' '))) err(i, loop, 'the billing provider address is a PO box');
        break;
      case 'REF':
        if (loop === '2410' && s[1] !== 'XZ' && s[1] !== 'VY') err(i, loop, `REF*${s[1]} is not allowed in loop 2410`);
        if (loop === '2010AA' && (s[1] === 'EI' || s[1] === 'SY') && !/^\d{9}$/.test(s[2] ?? '')) err(i, loop, `REF*${s[1]} '${s[2]}' is not 9 digits`);
        if (loop === '2300' && claim) {
          if (s[1] === 'G1') claim.priorAuth = s[2] ?? null;
          if (s[1] === 'F8') claim.originalClaimNumber = s[2] ?? null;
        }
        if (loop === '2400' && line && s[1] === '6R') line.lineControlNumber = s[2] ?? null;
        break;
      case 'CLM': {
        claimAt = i;
        const total = cents(s[2]);
        if (total === null) err(i, loop, `CLM02 '${s[2]}' is not an amount with at most 2 decimals`);
        const [pos = '', qual = '', freq = ''] = (s[5] ?? '').split(comp);
        if (qual !== 'B') err(i, loop, 'CLM05-2 is not B');
        claim = {
          id: s[1] ?? '', totalCents: total ?? 0, placeOfService: pos, frequency: freq, priorAuth: null, originalClaimNumber: null,
          diagnoses: [], referringNpi: null, payerId, memberId, patientRelationship: relationship, lines: [],
        };
        if (currentHl) currentHl.claims++;
        break;
      }
      case 'HI':
        if (claim) {
          s.slice(1).forEach((c, k) => {
            const [q = '', code = ''] = c.split(comp);
            if (q !== (k === 0 ? 'ABK' : 'ABF')) err(i, loop, `HI${String(k + 1).padStart(2, '0')} qualifier ${q} is not ${k === 0 ? 'ABK' : 'ABF'}`);
            if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code)) err(i, loop, `diagnosis '${code}' is not ICD-10-CM without a dot`);
            if (claim!.diagnoses.includes(code)) err(i, loop, `diagnosis ${code} is repeated`);
            claim!.diagnoses.push(code);
          });
        }
        break;
      case 'LX':
        if (claim) {
          const n = Number(s[1]);
          if (n !== claim.lines.length + 1) err(i, loop, `LX01 ${s[1]} out of sequence (expected ${claim.lines.length + 1})`);
          line = { n, code: '', modifiers: [], chargeCents: 0, units: 0, pointers: [], from: '', to: '', lineControlNumber: null, ndc: null, ndcQty: null, ndcUnit: null, renderingNpi: null };
          claim.lines.push(line);
          lineAt.set(line, i);
        } else err(i, loop, 'LX outside a claim');
        break;
      case 'SV1':
        if (line) {
          const [q = '', code = '', ...mods] = (s[1] ?? '').split(comp);
          if (q !== 'HC') err(i, loop, `SV101-1 '${q}' is not HC`);
          line.code = code;
          line.modifiers = mods.slice(0, 4);
          for (const m of line.modifiers) if (!/^[A-Z0-9]{2}$/.test(m)) err(i, loop, `modifier '${m}' is not 2 upper-case alphanumerics`);
          const c = cents(s[2]);
          if (c === null || c < 0) err(i, loop, `SV102 '${s[2]}' is not an amount ≥ 0 with at most 2 decimals`);
          line.chargeCents = c ?? 0;
          if (s[3] !== 'UN') err(i, loop, `SV103 '${s[3]}' is not UN`);
          line.units = Number(s[4]);
          if (!(line.units > 0)) err(i, loop, `SV104 units '${s[4]}' are not above 0`);
          line.pointers = (s[7] ?? '').split(comp).filter((x) => x !== '').map(Number);
          if (line.pointers.length < 1 || line.pointers.length > 4) err(i, loop, 'SV107 needs 1 to 4 diagnosis pointers');
        }
        break;
      case 'DTP':
        if (line && s[1] === '472') {
          const v = s[3] ?? '';
          const [a = '', b = a] = s[2] === 'RD8' ? v.split('-') : [v];
          if (!/^\d{8}$/.test(a) || !/^\d{8}$/.test(b) || !isRealDate(d8ToIso(a)) || !isRealDate(d8ToIso(b)) || b < a) {
            err(i, loop, `DTP*472 '${v}' is not a real ${s[2]} date`);
          }
          line.from = d8ToIso(a);
          line.to = d8ToIso(b);
          if (b > (bht04 ?? '99999999')) warn(i, loop, `service date ${b} is after the file's creation date ${bht04}`);
        }
        break;
      case 'PRV':
        if (!/^[0-9A-Z]{9}X$/.test(s[3] ?? '')) warn(i, loop, `taxonomy '${s[3]}' does not look like a NUCC code`);
        break;
      case 'BHT':
        bht04 = s[4] ?? null;
        break;
      case 'LIN':
        if (line) {
          if (s[2] !== 'N4') err(i, loop, 'LIN02 is not N4');
          if (!/^\d{11}$/.test(s[3] ?? '')) err(i, loop, `NDC '${s[3]}' is not 11 digits`);
          line.ndc = s[3] ?? null;
        }
        break;
      case 'CTP':
        if (line) {
          line.ndcQty = Number(s[4]);
          line.ndcUnit = (s[5] ?? '').split(comp)[0] ?? null;
          if (!(line.ndcQty > 0) || !/^\d+(\.\d{1,3})?$/.test(s[4] ?? '')) err(i, loop, `CTP04 '${s[4]}' is not a quantity above 0 with at most 3 decimals`);
          if (!['F2', 'GR', 'ME', 'ML', 'UN'].includes(line.ndcUnit ?? '')) err(i, loop, `CTP05 unit '${line.ndcUnit}' is not F2 GR ME ML UN`);
        }
        break;
      default:
        break;
    }
  }
  finishClaim();

  // --- HL tree: HL04 vs children, SBR02 vs 2000C, DMG, claims per 2000B ---------------------
  for (const h of hls.values()) {
    const hasChildren = h.children > 0;
    if ((h.childFlag === '1') !== hasChildren) err(h.at, '', `HL04 ${h.childFlag} but the HL ${hasChildren ? 'has' : 'has no'} children`);
    if (h.level === '22') {
      if (h.hasPatient && h.sbr02 !== '') err(h.at, '2000B', 'a 2000C follows, so SBR02 must be empty');
      if (!h.hasPatient && h.sbr02 !== '18') err(h.at, '2000B', 'no 2000C follows, so the patient is the subscriber: SBR02 must be 18');
      if (!h.hasPatient && !h.dmg) err(h.at, '2000B', 'the patient is the subscriber: 2010BA needs DMG');
      if (h.claims > MAX_CLAIMS_PER_SUBSCRIBER) err(h.at, '2000B', `${h.claims} claims; at most ${MAX_CLAIMS_PER_SUBSCRIBER} per 2000B`);
      if (h.claims > 0 && h.hasPatient) err(h.at, '2000B', 'claims directly under a 2000B that also has a 2000C');
    }
    if (h.level === '23' && h.claims > MAX_CLAIMS_PER_SUBSCRIBER) err(h.at, '2000C', `${h.claims} claims; at most ${MAX_CLAIMS_PER_SUBSCRIBER}`);
    if (h.level === '23' && h.claims === 0) err(h.at, '2000C', 'a 2000C without claims');
  }
  if (![...hls.values()].some((h) => h.level === '20')) err(stI, 'HEADER', 'no 2000A billing provider');
  return result();
}
