// Any X12 interchange (837, 999, 277CA, 835): the ISA is fixed-width, so its own characters say
// which delimiters the rest of the file uses. Nothing here knows a transaction set.
import type { Delimiters } from '../segment.ts';

/** ISA through its segment terminator. */
export const ISA_LENGTH = 106;

export interface Tokens {
  delimiters: Delimiters;
  /** every segment as its elements (components left joined), ISA first */
  segments: string[][];
  /** the first segment's length with its terminator: ISA_LENGTH when the ISA is well padded */
  isaLength: number;
}

/** Null when the text does not start with an ISA long enough to hold the delimiters. */
export function tokenize(text: string): Tokens | null {
  if (!text.startsWith('ISA') || text.length < ISA_LENGTH) return null;
  const delimiters: Delimiters = { element: text[3]!, repetition: text[82]!, component: text[104]!, segment: text[105]! };
  const raw = text.split(delimiters.segment);
  const last = raw.pop();
  // A final line break (or nothing) after the last terminator is not a segment.
  if (last !== undefined && last.trim() !== '') raw.push(last);
  // Line breaks after a terminator are layout, not data; the ISA keeps its bytes so its length is checked as written.
  const segments = raw.map((r, i) => (i === 0 ? r : r.replace(/^[\r\n]+/, '')).split(delimiters.element));
  return { delimiters, segments, isaLength: raw[0]!.length + 1 };
}
