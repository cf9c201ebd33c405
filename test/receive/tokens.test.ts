// The tokenizer and envelopes: delimiters read from each ISA, CR/LF tolerated, several
// interchanges per file, and every error naming the segment, its position and the problem.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readEnvelopes } from '../../electron/receive/envelope.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';
import { components, el, elements, tokenize } from '../../electron/receive/tokens.ts';
import { readProblem, referenceFile } from './files.ts';

/** The TA1 file rewritten with other delimiters: | element, > component, ! terminator, CR/LF. */
const TA1_PIPES = referenceFile('reference-ta1').replace(/\*/g, '|').replace(/:~/, '>~').replace(/~\n/g, '!\r\n');

describe('tokenize', () => {
  it('reads the element, repetition, component separators and terminator from the ISA', () => {
    const segs = tokenize(TA1_PIPES);
    expect(segs.map((s) => s.id)).toEqual(['ISA', 'TA1', 'IEA']);
    expect(segs[1]!.delimiters).toEqual({ element: '|', component: '>', repetition: '^', segment: '!' });
    expect(elements(segs[1]!)).toEqual(['000000101', '250115', '1130', 'R', '025']);
    expect(segs.map((s) => s.position)).toEqual([1, 2, 3]);
  });

  it('reads a file written on one line, and a composite with its own component separator', () => {
    const one = referenceFile('reference-835').replace(/~\n/g, '~');
    const segs = tokenize(one);
    expect(segs).toHaveLength(47);
    const svc = segs.find((s) => s.id === 'SVC' && el(s, 1).includes('JW'))!;
    expect(components(svc, 1)).toEqual(['HC', 'J0696', 'JW']);
    expect(svc.position).toBe(33);
  });

  it('numbers segments across several interchanges, each with its own delimiters', () => {
    const two = referenceFile('reference-999') + TA1_PIPES;
    const file = readReceived(two);
    expect(file.kinds).toEqual(['999', 'TA1']);
    expect(file.segments).toBe(16);
    const ta1 = file.documents[1]!;
    expect(ta1.kind === 'TA1' && ta1.ta1.position).toBe(15);
  });

  it('refuses a file that does not start with an ISA', () => {
    expect(readProblem('GS*HP*A*B~')).toBe("GS at segment 1: the file does not start with an ISA segment, so its delimiters are unknown");
  });

  it('refuses an ISA shorter than 106 characters', () => {
    expect(readProblem('ISA*00*~')).toBe('ISA at segment 1: is 8 characters long; an ISA has 106 with its terminator');
  });

  it('refuses a file cut short before a terminator', () => {
    const cut = referenceFile('reference-999').slice(0, -6);
    expect(readProblem(cut)).toBe("IEA at segment 13: has no segment terminator '~': the file is cut short");
  });
});

describe('envelopes', () => {
  it.each([
    ['an SE whose count is wrong', 'SE*9*0001', 'SE*8*0001', 'SE at segment 11: SE01 says 8 segments from ST to SE, there are 9'],
    ['a GE whose control number is not the GS06', 'GE*1*201', 'GE*1*202', 'GE at segment 12: control number 202 does not match GS 201 at segment 2'],
    ['an IEA that counts the groups wrong', 'IEA*1*', 'IEA*2*', 'IEA at segment 13: IEA01 says 2 functional groups, there are 1'],
  ])('refuses %s, naming the segment and its position', (_what, from, to, message) => {
    expect(readProblem(referenceFile('reference-999').replace(from, to))).toBe(message);
  });

  it('refuses a transaction set it does not read (an 837), by content not by name', () => {
    const bad = referenceFile('reference-999').replace('ST*999*0001*005010X231A1', 'ST*837*0001*005010X222A1');
    expect(readProblem(bad)).toBe('ST at segment 3: ST*837 (005010X222A1) is not a TA1, 999, 277CA (005010X214) or 835 this product reads');
  });

  it('keeps ISA13, sender and receiver of each interchange', () => {
    const [ix] = readEnvelopes(tokenize(referenceFile('reference-835')));
    expect([ix!.control, ix!.sender, ix!.receiver, ix!.usage]).toEqual(['000000001', 'EXAMPLEPAYER', 'SUNRISEHIP', 'T']);
    expect(ix!.groups[0]!.sets[0]!.convention).toBe('005010X221A1');
  });
});

describe('content identity (835.md §13)', () => {
  it('hashes each transaction set as its segments with standard delimiters, nothing between them', () => {
    const file = referenceFile('reference-835');
    const st = file.indexOf('ST*835');
    const se = file.indexOf('~', file.indexOf('\nSE*')) + 1;
    const standard = file.slice(st, se).replace(/~\r?\n/g, '~');
    const expected = createHash('sha256').update(standard, 'utf8').digest('hex');
    // one line per segment, CR/LF and blanks before segments, or other delimiters: the same content
    const variants = [
      file,
      file.replace(/~\n/g, '~'),
      file.replace(/~\n/g, '~\r\n  '),
      file.replace(/\*/g, '|').replace(/:/g, '>').replace(/~\n/g, '!\r\n'),
    ];
    for (const v of variants) expect(readReceived(new TextEncoder().encode(v)).documents.map((d) => d.contentSha256)).toEqual([expected]);
    // one element changed: another content
    expect(readReceived(new TextEncoder().encode(file.replace('TRN*1*', 'TRN*1*9'))).documents[0]!.contentSha256).not.toBe(expected);
  });
});
