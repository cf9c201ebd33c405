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
