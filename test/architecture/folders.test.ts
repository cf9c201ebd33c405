import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, wrongArrows, type Edges } from '../../scripts/folder-graph.ts';

describe('the folders point one way', () => {
  const edges = folderEdges();

  it('import each other in no circle', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('draw only the arrows the architecture allows (renderer → contract ← app → services → engine → db)', () => {
    expect(wrongArrows(edges)).toEqual([]);
  });

  it('finds a circle and a wrong arrow when there is one', () => {
    const bad: Edges = new Map([
      ['db', new Map([['electron/app', 'db/x.ts → ../electron/app/y.ts']])],
      ['electron/app', new Map([['db', 'electron/app/y.ts → ../../db/x.ts']])],
    ]);
    expect(folderCycles(bad)).toEqual([['db', 'electron/app']]);
    expect(wrongArrows(bad)).toEqual(['db → electron/app (db/x.ts → ../electron/app/y.ts)']);
  });
});

describe('the source files stay small', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return sources(rel);
      return /\.ts$/.test(e.name) ? [rel] : [];
    });

  // SQL migrations are data, kept as shipped; code files split by what they hold before they pass this
  it('have no TypeScript file over 400 lines in electron/ or db/', () => {
    const long = [...sources('electron'), ...sources('db')]
      .map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
