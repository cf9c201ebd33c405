// Which folder imports which: the arrows between the project's folders (electron/<area>, db,
// renderer), read from the import statements. `node scripts/folder-graph.mjs` prints them and
// exits 1 when the folders import each other in a circle; test/architecture runs the same check.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['electron', 'db', 'renderer'];
const EXT = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** electron/ipc/x.ts → electron/ipc; db/repos/x.ts → db; a file directly under electron/ is its own area */
export function folderOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'electron') return parts.length > 2 ? `electron/${parts[1]}` : `electron/${parts[1].replace(EXT, '')}`;
  return parts[0];
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (EXT.test(e.name) && !/\.test\.ts$/.test(e.name)) yield p;
  }
}

/** edges: Map<from folder, Map<to folder, example "file → import">> */
export function folderEdges(root = ROOT) {
  const edges = new Map();
  for (const top of SOURCES) {
    for (const file of walk(path.join(root, top))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const from = folderOf(rel);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const target = path.relative(root, path.resolve(path.dirname(file), m[1])).split(path.sep).join('/');
        if (target.startsWith('..') || !SOURCES.includes(target.split('/')[0])) continue;
        const to = folderOf(target);
        if (to === from) continue;
        if (!edges.has(from)) edges.set(from, new Map());
        if (!edges.get(from).has(to)) edges.get(from).set(to, `${rel} → ${m[1]}`);
      }
    }
  }
  return edges;
}

/** Every cycle's folders, found by Tarjan's strongly connected components (a component of two or more is a circle). */
export function folderCycles(edges) {
  const index = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  let i = 0;
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v) => {
    index.set(v, i); low.set(v, i); i++; stack.push(v); on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = folderEdges();
  for (const [from, tos] of [...edges].sort()) for (const [to, why] of [...tos].sort()) console.log(`${from} → ${to}    (${why})`);
  const cycles = folderCycles(edges);
  for (const c of cycles) console.error(`cycle between folders: ${c.join(', ')}`);
  process.exit(cycles.length ? 1 : 0);
}
