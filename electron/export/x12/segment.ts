// A segment is an id plus elements; an element is a string or a composite (string[]).
// Serialization owns the delimiters and drops trailing empties, so loop code never types a `*`.

export type Element = string | readonly string[];

export interface Segment {
  readonly id: string;
  readonly elements: readonly Element[];
}

export interface Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

export const DELIMITERS: Readonly<Delimiters> = Object.freeze({ element: '*', component: ':', repetition: '^', segment: '~' });

export function seg(id: string, ...elements: Element[]): Segment {
  return { id, elements };
}

function lastNonEmpty(values: readonly string[]): number {
  let n = values.length;
  while (n > 0 && values[n - 1] === '') n--;
  return n;
}

/**
 * `SV1*HC:S9500*150*UN*1***1` — empty elements inside stay as consecutive separators, trailing
 * ones (and trailing empty components) are dropped: pyx12 rejects "trailing element terminators".
 */
export function serialize(s: Segment, d: Delimiters = DELIMITERS): string {
  const parts: string[] = [s.id];
  for (const el of s.elements) {
    if (typeof el === 'string') parts.push(el);
    else parts.push(el.slice(0, lastNonEmpty(el)).join(d.component));
  }
  return parts.slice(0, Math.max(1, lastNonEmpty(parts))).join(d.element);
}
