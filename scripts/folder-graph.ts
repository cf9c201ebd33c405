// Which folder imports which: the arrows between the project's folders (electron/<area>, db,
// renderer), read from the import statements. `npx tsx scripts/folder-graph.ts` prints them and
// exits 1 when the folders import each other in a circle or an arrow points the wrong way
// (ALLOWED below); test/architecture/folders.test.ts runs the same checks in CI.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['electron', 'db', 'renderer'];
const EXT = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** electron/ipc/x.ts → electron/ipc; db/repos/x.ts → db; a file directly under electron/ is its own area */
export function folderOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'electron') return parts.length > 2 ? `electron/${parts[1]}` : `electron/${parts[1]!.replace(EXT, '')}`;
  return parts[0]!;
}

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (EXT.test(e.name) && !/\.test\.ts$/.test(e.name)) yield p;
  }
}

export type Edges = Map<string, Map<string, string>>;

/** from folder → to folder → an example `file → import` */
export function folderEdges(root = ROOT): Edges {
  const edges: Edges = new Map();
  for (const top of SOURCES) {
    for (const file of walk(path.join(root, top))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const from = folderOf(rel);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1]!;
        const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        if (target.startsWith('..') || !SOURCES.includes(target.split('/')[0]!)) continue;
        const to = folderOf(target);
        if (to === from) continue;
        const out = edges.get(from) ?? new Map<string, string>();
        edges.set(from, out);
        if (!out.has(to)) out.set(to, `${rel} → ${spec}`);
      }
    }
  }
  return edges;
}

/** Every cycle's folders, found by Tarjan's strongly connected components (a component of two or more is a circle). */
export function folderCycles(edges: Edges): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let i = 0;
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v: string): void => {
    index.set(v, i);
    low.set(v, i);
    i++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

/**
 * The arrows each folder may draw (renderer → contract ← app → services → engine/exporters → db;
 * hosting and the entry points beside the app, depending on it). A new folder must be placed here
 * before anything imports it or it imports anything: the table is the architecture's record.
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'electron/domain': [],
  'electron/paths': [],
  db: ['electron/domain'],
  'electron/claims': ['electron/domain'],
  // the 837P writer and reader hold a secondary claim to R-CO-2 (cob/balance.ts)
  'electron/export': ['electron/domain', 'electron/claims', 'electron/cob', 'electron/receive'],
  // import checks at entry what the 837P will need (billingProvider.ts), with the exporter's own rules
  'electron/import': ['electron/domain', 'electron/claims', 'electron/export'],
  'electron/receive': ['electron/domain', 'electron/claims'],
  'electron/cob': ['electron/domain', 'electron/claims', 'electron/receive'],
  'electron/security': ['electron/domain', 'db'],
  'electron/services': ['electron/domain', 'db', 'electron/claims', 'electron/import', 'electron/export', 'electron/receive', 'electron/cob', 'electron/security'],
  'electron/demo': ['electron/domain', 'db', 'electron/import', 'electron/services'],
  'electron/contract': ['electron/domain'],
  'electron/app': ['electron/domain', 'db', 'electron/contract', 'electron/claims', 'electron/import', 'electron/export', 'electron/receive', 'electron/cob', 'electron/services', 'electron/security', 'electron/demo'],
  'electron/hosting': ['electron/domain', 'db', 'electron/app', 'electron/contract', 'electron/security', 'electron/paths'],
  'electron/cli': ['electron/domain', 'db', 'electron/app', 'electron/contract', 'electron/security', 'electron/import', 'electron/hosting', 'electron/paths'],
  'electron/shell': ['electron/domain', 'db', 'electron/app', 'electron/contract', 'electron/hosting', 'electron/security', 'electron/paths'],
  renderer: ['electron/contract', 'electron/domain'],
};

/** Arrows the table does not allow, as `from → to (file → import)`. */
export function wrongArrows(edges: Edges): string[] {
  const out: string[] = [];
  for (const [from, tos] of edges) {
    for (const [to, why] of tos) if (!(ALLOWED[from] ?? []).includes(to)) out.push(`${from} → ${to} (${why})`);
  }
  return out.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = folderEdges();
  for (const [from, tos] of [...edges].sort()) for (const [to, why] of [...tos].sort()) console.log(`${from} → ${to}    (${why})`);
  const cycles = folderCycles(edges);
  for (const c of cycles) console.error(`cycle between folders: ${c.join(', ')}`);
  const wrong = wrongArrows(edges);
  for (const w of wrong) console.error(`arrow not allowed: ${w}`);
  process.exit(cycles.length || wrong.length ? 1 : 0);
}
