// Arbitrary damage to a valid import file, for fast-check: set, delete, add or duplicate at
// any path of the document.
import fc from 'fast-check';
import type { Segment } from './paths.ts';

export type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'duplicate'; at: number }
  | { op: 'text'; at: number; edit: 'pad' | 'upper' | 'empty' | 'digit' | 'long' | 'unicode' };

export function allPaths(v: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...prefix, k], out);
  return out;
}

function parentOf(root: unknown, path: Segment[]): unknown {
  let v = root;
  for (const s of path.slice(0, -1)) v = (v as Record<string | number, unknown>)[s];
  return v;
}

const TEXT_EDITS: Record<string, (s: string) => string> = {
  pad: (s) => ` ${s} `,
  upper: (s) => s.toUpperCase(),
  empty: () => '',
  digit: (s) => s.replace(/\d/, (d) => String((Number(d) + 1) % 10)) + '9',
  long: (s) => s.repeat(50),
  unicode: (s) => `${s}\u0000\u202e\ud83d\ude00`,
};

/** Applies the mutations to a deep copy; `at` picks a path modulo the paths of the current document. */
export function applyMutations(doc: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const paths = allPaths(root);
    const path = paths[m.at % paths.length]!;
    const parent = parentOf(root, path) as Record<string | number, unknown> | unknown[] | undefined;
    const last = path[path.length - 1];
    const target = path.length === 0 ? root : (parent as Record<string | number, unknown>)[last!];
    switch (m.op) {
      case 'set':
        if (path.length === 0) root = m.value;
        else (parent as Record<string | number, unknown>)[last!] = m.value;
        break;
      case 'delete':
        if (path.length === 0) break;
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Record<string, unknown>)[last as string];
        break;
      case 'add':
        // as JSON.parse would: an own property even for __proto__
        if (target !== null && typeof target === 'object' && !Array.isArray(target))
          Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else if (Array.isArray(target)) target.push(m.value);
        break;
      case 'duplicate':
        if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
        else if (Array.isArray(parent)) parent.push(structuredClone(target));
        break;
      case 'text':
        if (typeof target === 'string' && path.length > 0) (parent as Record<string | number, unknown>)[last!] = TEXT_EDITS[m.edit]!(target);
        break;
    }
  }
  return root;
}

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '2026-02-30', '0409-7332-01', '00409733201', '1234567890', 'P1001', 'T1', '-1', '1e309', '99:99'),
  fc.constantFrom(0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, -0),
);

export const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('id', 'ndc', '__proto__', 'constructor')), value }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('text' as const), at: fc.nat(), edit: fc.constantFrom('pad', 'upper', 'empty', 'digit', 'long', 'unicode') as fc.Arbitrary<'pad'> }),
  ),
  { minLength: 1, maxLength: 4 },
);
