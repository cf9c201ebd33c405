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
  /**
   * the segment as written, without its terminator (`SVC*HC:J1234*100*80`): elements are cut
   * from it on demand by `el`, so a file of 170,000 segments is not held as a million strings
   */
  text: string;
  /** 1-based segment number in the file, ISA = 1 */
  position: number;
  /** where the segment starts in the text given to `tokenize` */
  offset: number;
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

const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/** A segment id: a capital letter, then one or two capitals or digits (checked by char code: no regex per segment). */
function isSegmentId(text: string, end: number): boolean {
  if (end < 2 || end > 3) return false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = c >= 65 && c <= 90;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

/**
 * Segment ids come from a few dozen names: each is kept once, found by its char codes, so the
 * 170,000 segments of a large 835 share those strings instead of holding one copy each.
 */
const ids = new Map<number, string>();

function segmentId(segment: string, length: number): string {
  let key = length;
  for (let i = 0; i < length; i++) key = key * 128 + segment.charCodeAt(i);
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = segment.slice(0, length)));
  return id;
}

/**
 * Every segment of every interchange in the file, in order. One indexOf per segment finds its
 * terminator; elements are not split here (see `el`), which keeps a large 835 cheap to read.
 */
export function tokenize(text: string): RawSegment[] {
  const out: RawSegment[] = [];
  const body = text;
  // a byte-order mark is dropped; offsets stay those of the text as given
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let d: Delimiters | null = null;
  while (true) {
    // CR/LF after a terminator, and blanks before a segment, are tolerated
    let c = body.charCodeAt(at);
    while (c === CR || c === LF) c = body.charCodeAt(++at);
    while (c === SPACE || c === TAB) c = body.charCodeAt(++at);
    if (at >= body.length) break;
    const position = out.length + 1;
    // 'ISA' by char code: a startsWith per segment costs more than the rest of the loop
    if (c === 73 && body.charCodeAt(at + 1) === 83 && body.charCodeAt(at + 2) === 65) {
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
    const segment = body.slice(at, end);
    const idEnd = segment.indexOf(d.element);
    const idLength = idEnd < 0 ? segment.length : idEnd;
    if (!isSegmentId(segment, idLength)) throw new X12ReadError('', position, `'${segment.slice(0, idLength).slice(0, 20)}' is not a segment id`);
    out.push({ id: segmentId(segment, idLength), text: segment, position, offset: at, delimiters: d });
    at = end + 1;
  }
  if (out.length === 0) throw new X12ReadError('', 1, 'the file is empty');
  return out;
}

/** X01…: the element, '' when absent; found by indexOf on the segment's text, nothing split. */
export function el(s: RawSegment, n: number): string {
  const t = s.text;
  const sep = s.delimiters.element;
  // `from` is the separator before element n: the one after the id for X01
  let from = s.id.length;
  for (let k = 1; k < n && from < t.length; k++) {
    from = t.indexOf(sep, from + 1);
    if (from < 0) return '';
  }
  if (from >= t.length) return '';
  const to = t.indexOf(sep, from + 1);
  return t.slice(from + 1, to < 0 ? t.length : to);
}

/** Every element after the id (X01 first), split once: for hashing and tests, not for readers. */
export function elements(s: RawSegment): string[] {
  return s.text.split(s.delimiters.element).slice(1);
}

/** A composite element split on the component separator ('' parts kept). */
export function components(s: RawSegment, n: number): string[] {
  const v = el(s, n);
  return v === '' ? [] : v.split(s.delimiters.component);
}
