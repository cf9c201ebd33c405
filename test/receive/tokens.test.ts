// The tokenizer and envelopes: delimiters read from each ISA, CR/LF tolerated, several
// interchanges per file, and every error naming the segment, its position and the problem.
import { describe, expect, it } from 'vitest';
import { readEnvelopes } from '../../electron/receive/envelope.ts';
import { X12ReadError } from '../../electron/receive/readError.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';
import { components, tokenize } from '../../electron/receive/tokens.ts';
import { referenceFile } from './files.ts';

function readError(text: string): X12ReadError {
  try {
    readReceived(text);
  } catch (e) {
    if (e instanceof X12ReadError) return e;
    throw e;
  }
  throw new Error('expected an X12ReadError');
}

/** The TA1 file rewritten with other delimiters: | element, > component, ! terminator, CR/LF. */
const TA1_PIPES = referenceFile('reference-ta1').replace(/\*/g, '|').replace(/:~/, '>~').replace(/~\n/g, '!\r\n');

describe('tokenize', () => {
  it('reads the element, repetition, component separators and terminator from the ISA', () => {
    const segs = tokenize(TA1_PIPES);
    expect(segs.map((s) => s.id)).toEqual(['ISA', 'TA1', 'IEA']);
    expect(segs[1]!.delimiters).toEqual({ element: '|', component: '>', repetition: '^', segment: '!' });
    expect(segs[1]!.elements).toEqual(['000000101', '250115', '1130', 'R', '025']);
    expect(segs.map((s) => s.position)).toEqual([1, 2, 3]);
  });

  it('reads a file written on one line, and a composite with its own component separator', () => {
    const one = referenceFile('reference-835').replace(/~\n/g, '~');
    const segs = tokenize(one);
    expect(segs).toHaveLength(47);
    const svc = segs.find((s) => s.id === 'SVC' && s.elements[0]!.includes('JW'))!;
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
    expect(readError('GS*HP*A*B~').message).toBe("GS at segment 1: the file does not start with an ISA segment, so its delimiters are unknown");
  });

  it('refuses an ISA shorter than 106 characters', () => {
    expect(readError('ISA*00*~').message).toBe('ISA at segment 1: is 8 characters long; an ISA has 106 with its terminator');
  });

  it('refuses a file cut short before a terminator', () => {
    const cut = referenceFile('reference-999').slice(0, -6);
    expect(readError(cut).message).toBe("IEA at segment 13: has no segment terminator '~': the file is cut short");
  });
});

describe('envelopes', () => {
  it('refuses an SE whose count is wrong, naming SE and its position', () => {
    const bad = referenceFile('reference-999').replace('SE*9*0001', 'SE*8*0001');
    expect(readError(bad).message).toBe('SE at segment 11: SE01 says 8 segments from ST to SE, there are 9');
  });

  it('refuses a GE whose control number is not the GS06', () => {
    const bad = referenceFile('reference-999').replace('GE*1*201', 'GE*1*202');
    expect(readError(bad).message).toBe('GE at segment 12: control number 202 does not match GS 201 at segment 2');
  });

  it('refuses an IEA that counts the groups wrong', () => {
    const bad = referenceFile('reference-999').replace('IEA*1*', 'IEA*2*');
    expect(readError(bad).message).toBe('IEA at segment 13: IEA01 says 2 functional groups, there are 1');
  });

  it('refuses a transaction set it does not read (an 837), by content not by name', () => {
    const bad = referenceFile('reference-999').replace('ST*999*0001*005010X231A1', 'ST*837*0001*005010X222A1');
    expect(readError(bad).message).toBe('ST at segment 3: ST*837 (005010X222A1) is not a TA1, 999, 277CA (005010X214) or 835 this product reads');
  });

  it('keeps ISA13, sender and receiver of each interchange', () => {
    const [ix] = readEnvelopes(tokenize(referenceFile('reference-835')));
    expect([ix!.control, ix!.sender, ix!.receiver, ix!.usage]).toEqual(['000000001', 'EXAMPLEPAYER', 'SUNRISEHIP', 'T']);
    expect(ix!.groups[0]!.sets[0]!.convention).toBe('005010X221A1');
  });
});
