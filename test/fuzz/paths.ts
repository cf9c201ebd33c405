// Reads the `path: message` lines of a rejection back into paths and checks them against the input.

export type Segment = string | number;

/** Parses the path at the start of a line (`therapies[2].drugs[0].ndc`, `chargeMaster["J0696:0040"]`, `(file)`); null when the line does not start with one followed by ': '. */
export function parseLinePath(line: string): { path: Segment[]; message: string } | null {
  if (line.startsWith('(file): ')) return { path: [], message: line.slice(8) };
  const path: Segment[] = [];
  let i = 0;
  const ident = /^[A-Za-z_$][\w$]*/;
  const first = ident.exec(line);
  if (first) {
    path.push(first[0]);
    i = first[0].length;
  }
  while (i < line.length) {
    const rest = line.slice(i);
    if (rest.startsWith(': ')) return path.length ? { path, message: rest.slice(2) } : null;
    if (rest.startsWith('.')) {
      const m = ident.exec(rest.slice(1));
      if (!m) return null;
      path.push(m[0]);
      i += 1 + m[0].length;
    } else if (rest.startsWith('[')) {
      const n = /^\[(\d+)\]/.exec(rest);
      if (n) {
        path.push(Number(n[1]));
        i += n[0].length;
        continue;
      }
      // a JSON string key: find the closing quote, honouring escapes
      if (rest[1] !== '"') return null;
      let j = 2;
      while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
      if (rest[j + 1] !== ']') return null;
      path.push(JSON.parse(rest.slice(1, j + 1)) as string);
      i += j + 2;
    } else return null;
  }
  return null;
}

function child(v: unknown, s: Segment): { found: boolean; value: unknown } {
  if (typeof s === 'number') return Array.isArray(v) && s < v.length ? { found: true, value: v[s] } : { found: false, value: undefined };
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, s)) {
    return { found: true, value: (v as Record<string, unknown>)[s] };
  }
  return { found: false, value: undefined };
}

/**
 * True when every segment but the last exists in the input, and the last exists too unless the
 * message says the field is missing: a rejection points at something the user can find.
 */
export function pathExists(input: unknown, path: Segment[], message: string): boolean {
  let v = input;
  for (let k = 0; k < path.length; k++) {
    const c = child(v, path[k]!);
    if (!c.found) return k === path.length - 1 && /required|missing/i.test(message);
    v = c.value;
  }
  return true;
}
