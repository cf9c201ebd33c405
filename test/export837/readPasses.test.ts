// The passes read837 is built from, at their own boundaries: the tokenizer and envelope know no
// transaction set (999, 277CA and 835 readers will reuse them), the loop walk knows only its grammar.
import { describe, expect, it } from 'vitest';
import { checkEnvelope, controlNumbers } from '../../electron/export/x12/read/envelope.ts';
import { checkAscii, checkElements } from '../../electron/export/x12/read/hygiene.ts';
import { Issues } from '../../electron/export/x12/read/issues.ts';
import { walkLoops, type Grammar } from '../../electron/export/x12/read/loopWalk.ts';
import { tokenize, type Tokens } from '../../electron/export/x12/read/tokenize.ts';

interface Seps {
  element: string;
  repetition: string;
  component: string;
  segment: string;
}

/** A well-padded ISA with the given separators, terminator included. */
function isa(d: Seps, control = '000000101'): string {
  const els = ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '261102', '1200', d.repetition, '00501', control, '0', 'T', d.component];
  return els.join(d.element) + d.segment;
}

const STAR: Seps = { element: '*', repetition: '^', component: ':', segment: '~' };
const PIPE: Seps = { element: '|', repetition: '}', component: '>', segment: '!' };

/** ISA + the given segments (written with `*`, re-delimited) + IEA, one segment a line. */
function interchange(d: Seps, body: readonly string[], iea = 'IEA*1*000000101'): string {
  return [isa(d), ...[...body, iea].map((s) => s.replaceAll('*', d.element).replaceAll(':', d.component) + d.segment)].join('\r\n') + '\r\n';
}

const BODY = ['GS*HC*SENDER*RECEIVER*20261102*1200*101*X*005010X231A1', 'ST*999*0001*005010X231A1', 'AK1*HC*101*005010X222A1', 'SE*3*0001', 'GE*1*101'];

function read(text: string, version = '005010X231A1') {
  const tokens = tokenize(text);
  if (!tokens) throw new Error('no ISA');
  const issues = new Issues(tokens.segments);
  const span = checkEnvelope(tokens, version, issues);
  return { tokens, span, errors: issues.errors.map((e) => `${e.segment} ${e.id}: ${e.message}`) };
}

describe('tokenize', () => {
  it('takes the delimiters from the ISA, not from a default', () => {
    const t = tokenize(interchange(PIPE, ['GS|HC', 'SV1|HC>J0696>JW|8.5']));
    expect(t).toEqual<Tokens>({
      delimiters: { element: '|', repetition: '}', component: '>', segment: '!' },
      segments: [
        ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '261102', '1200', '}', '00501', '000000101', '0', 'T', '>'],
        ['GS', 'HC'],
        ['SV1', 'HC>J0696>JW', '8.5'],
        ['IEA', '1', '000000101'],
      ],
      isaLength: 106,
    });
  });

  it('keeps `*` and `:` as data when they are not the delimiters', () => {
    const t = tokenize(`${isa(PIPE)}NTE|ADD|A*B:C!`);
    expect(t?.segments[1]).toEqual(['NTE', 'ADD', 'A*B:C']);
  });

  it('measures the ISA as written, and refuses text without one', () => {
    // The ISA ends at the first terminator, so one inside ISA06 makes it 40 characters long.
    const cut = tokenize(isa(STAR).replace('SENDER', 'SEND~R'));
    expect(cut?.delimiters).toEqual(STAR);
    expect(cut?.isaLength).toBe(40);
    expect(tokenize(isa(STAR).slice(0, 105))).toBeNull();
    expect(tokenize(` ${isa(STAR)}`)).toBeNull();
  });
});

describe('checkEnvelope', () => {
  it('reads a clean envelope of any transaction set, given its version, and spans ST … SE', () => {
    const r = read(interchange(STAR, BODY));
    expect(r.errors).toEqual([]);
    expect(r.span).toEqual({ st: 2, se: 4 });
    expect(controlNumbers(r.tokens.segments)).toEqual({ interchangeControlNumber: '000000101', groupControlNumber: '101', transactionControlNumber: '0001' });
  });

  it('checks the version it is given', () => {
    expect(read(interchange(STAR, BODY), '005010X222A1').errors).toEqual(['3 ST: GS08/ST03 are not 005010X222A1']);
  });

  it('counts groups and transaction sets over the whole file', () => {
    const twoSets = [...BODY.slice(0, 4), 'ST*999*0002*005010X231A1', 'SE*2*0002', 'GE*1*101'];
    expect(read(interchange(STAR, twoSets)).errors).toEqual([
      '8 GE: GE01 1 is not the number of ST transactions',
      '7 SE: SE02 0002 does not match ST02 0001',
      '7 SE: SE01 2 is wrong: ST … SE holds 5 segments',
    ]);
    expect(read(interchange(STAR, BODY, 'IEA*2*000000101')).errors).toEqual(['7 IEA: IEA01 2 is not the number of GS groups']);
  });

  it('reports a missing trailer once and gives no span', () => {
    const r = read(interchange(STAR, BODY.slice(0, 4)));
    expect(r.span).toBeNull();
    expect(r.errors).toEqual(['1 ISA: missing GS, ST, SE, GE or IEA']);
  });

  it('checks the ISA against the separators it declares', () => {
    const text = interchange(STAR, BODY).replace('*0*T*:~', '*0*X*:~');
    expect(read(text).errors).toEqual(["1 ISA: ISA15 'X' is not T or P"]);
  });
});

describe('hygiene', () => {
  it('reports trailing separators, padded elements and dangling components by segment, sparing the ISA', () => {
    const t = tokenize(interchange(PIPE, ['GS|HC|', 'NM1|IL| GARZA|A>'])!);
    const issues = new Issues(t!.segments);
    checkElements(t!.segments, '>', issues);
    expect(issues.errors.map((e) => `${e.segment} ${e.id}: ${e.message}`)).toEqual([
      '2 GS: trailing element separator',
      "3 NM1: element ' GARZA' has leading or trailing spaces",
      "3 NM1: element 'A>' ends with a component separator",
    ]);
  });

  it('reports the first non-ASCII character against the file, segment 0', () => {
    const issues = new Issues([]);
    checkAscii('ISA*GÁRZA', issues);
    expect(issues.errors).toEqual([{ severity: 'error', segment: 0, id: '', loop: '', message: 'non-ASCII character at offset 5' }]);
  });
});

describe('walkLoops', () => {
  // Two loops share an opener (B*X), as 2310B and 2420A share NM1*82: the open parent decides.
  const grammar: Grammar = {
    loops: {
      HEAD: { opensWith: ['ST'], order: ['ST'], required: ['ST'], parents: [], rank: 0 },
      P: { opensWith: ['P'], order: ['P', 'Q'], required: ['P', 'Q'], parents: ['HEAD'], rank: 1 },
      C: { opensWith: ['C'], order: ['C'], required: ['C'], parents: ['P'], rank: 2 },
      PX: { opensWith: ['B*X'], order: ['B'], required: ['B'], parents: ['P'], rank: 1 },
      CX: { opensWith: ['B*X'], order: ['B'], required: ['B'], parents: ['C'], rank: 1 },
      D: { opensWith: ['D'], order: ['D'], required: ['D'], parents: ['P'], rank: 3 },
    },
    qualified: new Map([['B', { element: 1, shown: 1 }]]),
  };

  function walk(ids: readonly string[]) {
    const segments = ids.map((s) => s.split('*'));
    const issues = new Issues(segments);
    const calls: string[] = [];
    walkLoops(segments, { st: 0, se: segments.length - 1 }, grammar, issues, {
      open: (loop, i) => calls.push(`open ${loop} @${i}`),
      segment: (s, _i, loop, parent) => calls.push(`${s[0]} in ${loop} < ${parent?.loop ?? '-'}`),
      end: () => calls.push('end'),
    });
    return { calls, errors: issues.errors.map((e) => `${e.segment} ${e.loop}: ${e.message}`) };
  }

  it('opens loops by id and qualifier, picking the loop whose parent is open', () => {
    expect(walk(['ST', 'P', 'Q', 'B*X', 'C', 'B*X', 'SE'])).toEqual({
      calls: ['open HEAD @0', 'ST in HEAD < -', 'open P @1', 'P in P < HEAD', 'Q in P < HEAD', 'open PX @3', 'B in PX < P', 'open C @4', 'C in C < P', 'open CX @5', 'B in CX < C', 'end'],
      errors: [],
    });
    // D's open, so B*X falls back to P's PX, which ranks below D.
    expect(walk(['ST', 'P', 'Q', 'D', 'B*X', 'SE']).errors).toEqual(['5 PX: loop PX is out of order inside P']);
  });

  it('reports an unknown qualifier, a loop without its parent, order and required segments', () => {
    expect(walk(['ST', 'B*Y', 'C', 'P', 'Q', 'P', 'SE']).errors).toEqual([
      '2 HEAD: unexpected B*Y',
      '3 C: loop C outside P',
      '6 P: loop P lacks its required Q',
    ]);
    expect(walk(['ST', 'P', 'Q', 'P', 'Q', 'Q', 'SE']).errors).toEqual([]);
    expect(walk(['ST', 'P', 'Q', 'ST', 'Z', 'SE']).errors).toEqual(['5 HEAD: Z is not expected in loop HEAD']);
  });

  it('stops at the first SE, ending the transaction before the open loops close', () => {
    const r = walk(['ST', 'P', 'SE', 'P', 'SE']);
    expect(r.calls.slice(-1)).toEqual(['end']);
    expect(r.calls.filter((c) => c.startsWith('open'))).toEqual(['open HEAD @0', 'open P @1']);
    expect(r.errors).toEqual(['2 P: loop P lacks its required Q']);
  });
});
