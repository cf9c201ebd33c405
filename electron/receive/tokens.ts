// Splits received X12 text into segments with the delimiters each ISA declares (835.md §1):
// element separator = ISA character 4, repetition = ISA11, component = ISA16, segment terminator =
// the character after ISA16. CR/LF after a terminator is tolerated. Every segment keeps its
// position in the file (ISA = 1) so every later error can name it.
import { X12ReadError } from './readError.ts';

export interface Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

export interface RawSegment {
  id: string;
  /** elements after the id: elements[0] is X01 */
  elements: string[];
  /** 1-based segment number in the file, ISA = 1 */
  position: number;
  delimiters: Delimiters;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** ISA is fixed length: 105 characters, then the segment terminator. */
const ISA_LENGTH = 106;

function delimitersOf(isa: string, position: number): Delimiters {
  const element = isa[3]!;
  const fields = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (fields.length !== 17) {
    throw new X12ReadError('ISA', position, `has ${fields.length - 1} elements where 16 are required (a fixed-length ISA of 106 characters)`);
  }
  const d: Delimiters = { element, repetition: fields[11]!, component: fields[16]!, segment: isa[ISA_LENGTH - 1]! };
  if (d.repetition.length !== 1 || d.component.length !== 1) {
    throw new X12ReadError('ISA', position, `ISA11 '${d.repetition}' and ISA16 '${d.component}' must each be one character`);
  }
  const chars = [d.element, d.component, d.repetition, d.segment];
  if (new Set(chars).size !== 4 || chars.some((c) => /[A-Za-z0-9 ]/.test(c))) {
    throw new X12ReadError('ISA', position, `delimiters element '${d.element}', component '${d.component}', repetition '${d.repetition}', terminator '${d.segment}' must be four different non-alphanumeric characters`);
  }
  return d;
}

/** Ends a segment's text at its terminator, dropping a CR/LF that follows it. */
function skipLineBreaks(text: string, at: number): number {
  while (at < text.length && (text[at] === '\r' || text[at] === '\n')) at++;
  return at;
}

/** Every segment of every interchange in the file, in order. */
export function tokenize(text: string): RawSegment[] {
  const out: RawSegment[] = [];
  const body = text.replace(/^\uFEFF/, '');
  let at = 0;
  let d: Delimiters | null = null;
  while (true) {
    at = skipLineBreaks(body, at);
    while (at < body.length && /[ \t]/.test(body[at]!)) at++;
    if (at >= body.length) break;
    const position = out.length + 1;
    if (body.startsWith('ISA', at)) {
      const isa = body.slice(at, at + ISA_LENGTH);
      if (isa.length < ISA_LENGTH) throw new X12ReadError('ISA', position, `is ${isa.length} characters long; an ISA has 106 with its terminator`);
      d = delimitersOf(isa, position);
    } else if (d === null) {
      throw new X12ReadError(/^[A-Z][A-Z0-9]{1,2}/.exec(body.slice(at, at + 3))?.[0] ?? '', position, 'the file does not start with an ISA segment, so its delimiters are unknown');
    }
    const end = body.indexOf(d.segment, at);
    if (end < 0) {
      const id = body.slice(at).split(d.element, 1)[0]!;
      throw new X12ReadError(SEGMENT_ID.test(id) ? id : '', position, `has no segment terminator '${d.segment}': the file is cut short`);
    }
    const parts = body.slice(at, end).split(d.element);
    const id = parts[0]!;
    if (!SEGMENT_ID.test(id)) throw new X12ReadError('', position, `'${id.slice(0, 20)}' is not a segment id`);
    out.push({ id, elements: parts.slice(1), position, delimiters: d });
    at = end + 1;
  }
  if (out.length === 0) throw new X12ReadError('', 1, 'the file is empty');
  return out;
}

/** X01…: the element, '' when absent. */
export function el(s: RawSegment, n: number): string {
  return s.elements[n - 1] ?? '';
}

/** A composite element split on the component separator ('' parts kept). */
export function components(s: RawSegment, n: number): string[] {
  const v = el(s, n);
  return v === '' ? [] : v.split(s.delimiters.component);
}
