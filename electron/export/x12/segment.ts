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

/**
 * `SV1*HC:S9500*150*UN*1***1` — empty elements inside stay as consecutive separators, trailing
 * ones (and trailing empty components) are dropped: pyx12 rejects "trailing element terminators".
 */
export function serialize(s: Segment, d: Delimiters = DELIMITERS): string {
  let out = s.id;
  let pending = '';
  for (const el of s.elements) {
    const value = typeof el === 'string' ? el : composite(el, d.component);
    if (value === '') {
      pending += d.element;
    } else {
      out += pending + d.element + value;
      pending = '';
    }
  }
  return out;
}

function composite(parts: readonly string[], sep: string): string {
  let n = parts.length;
  while (n > 0 && parts[n - 1] === '') n--;
  let out = '';
  for (let i = 0; i < n; i++) out += i === 0 ? parts[i] : sep + parts[i];
  return out;
}
