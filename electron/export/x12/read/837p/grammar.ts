// The 837P (005010X222A1) loops we write and read: one row a loop. A new segment in a loop is a
// new id in its `order` (and `required`); a new loop is a new row.
import type { Grammar, LoopDef } from '../loopWalk.ts';

export const VERSION_837P = '005010X222A1';

const LOOPS: Readonly<Record<string, LoopDef>> = {
  HEADER: { opensWith: ['ST'], order: ['ST', 'BHT'], required: ['ST', 'BHT'], parents: [], rank: 0 },
  '1000A': { opensWith: ['NM1*41'], order: ['NM1', 'PER'], required: ['NM1', 'PER'], parents: ['HEADER'], rank: 1 },
  '1000B': { opensWith: ['NM1*40'], order: ['NM1'], required: ['NM1'], parents: ['HEADER'], rank: 2 },
  '2000A': { opensWith: ['HL*20'], order: ['HL', 'PRV', 'CUR'], required: ['HL'], parents: ['HEADER'], rank: 3 },
  '2010AA': { opensWith: ['NM1*85'], order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1', 'N3', 'N4', 'REF'], parents: ['2000A'], rank: 1 },
  '2000B': { opensWith: ['HL*22'], order: ['HL', 'SBR', 'PAT'], required: ['HL', 'SBR'], parents: ['2000A'], rank: 4 },
  '2010BA': { opensWith: ['NM1*IL'], order: ['NM1', 'N3', 'N4', 'DMG', 'REF', 'PER'], required: ['NM1'], parents: ['2000B'], rank: 1 },
  '2010BB': { opensWith: ['NM1*PR'], order: ['NM1', 'N3', 'N4', 'REF'], required: ['NM1'], parents: ['2000B'], rank: 2 },
  '2000C': { opensWith: ['HL*23'], order: ['HL', 'PAT'], required: ['HL', 'PAT'], parents: ['2000B'], rank: 4 },
  '2010CA': { opensWith: ['NM1*QC'], order: ['NM1', 'N3', 'N4', 'DMG', 'REF', 'PER'], required: ['NM1', 'N3', 'N4', 'DMG'], parents: ['2000C'], rank: 1 },
  '2300': {
    opensWith: ['CLM'],
    order: ['CLM', 'DTP', 'PWK', 'CN1', 'AMT', 'REF', 'K3', 'NTE', 'CR1', 'CR2', 'CRC', 'HI', 'HCP'],
    required: ['CLM', 'HI'],
    parents: ['2000B', '2000C'],
    rank: 3,
  },
  '2310A': { opensWith: ['NM1*DN', 'NM1*P3'], order: ['NM1', 'REF'], required: ['NM1'], parents: ['2300'], rank: 1 },
  '2310B': { opensWith: ['NM1*82'], order: ['NM1', 'PRV', 'REF'], required: ['NM1'], parents: ['2300'], rank: 2 },
  '2310C': { opensWith: ['NM1*77'], order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1', 'N3', 'N4'], parents: ['2300'], rank: 3 },
  // R-CO-1: an earlier payer (cob.md §2); its SBR is told from 2000B's by the open 2300
  '2320': { opensWith: ['SBR'], order: ['SBR', 'CAS', 'AMT', 'OI', 'MOA'], required: ['SBR', 'OI'], parents: ['2300'], rank: 4 },
  '2330A': { opensWith: ['NM1*IL'], order: ['NM1', 'N3', 'N4', 'REF'], required: ['NM1'], parents: ['2320'], rank: 1 },
  '2330B': { opensWith: ['NM1*PR'], order: ['NM1', 'N3', 'N4', 'DTP', 'REF'], required: ['NM1'], parents: ['2320'], rank: 2 },
  '2400': {
    opensWith: ['LX'],
    order: ['LX', 'SV1', 'SV5', 'PWK', 'CR1', 'CR3', 'CRC', 'DTP', 'QTY', 'MEA', 'CN1', 'REF', 'AMT', 'K3', 'NTE', 'PS1', 'HCP'],
    required: ['LX', 'SV1', 'DTP'],
    parents: ['2300'],
    rank: 9,
  },
  '2410': { opensWith: ['LIN'], order: ['LIN', 'CTP', 'REF'], required: ['LIN', 'CTP'], parents: ['2400'], rank: 1 },
  // 2420A/C/F share their NM101 with 2310A/B/C: the open 2400 tells them apart.
  '2420A': { opensWith: ['NM1*82'], order: ['NM1', 'PRV', 'REF'], required: ['NM1'], parents: ['2400'], rank: 2 },
  '2420C': { opensWith: ['NM1*77'], order: ['NM1', 'N3', 'N4', 'REF'], required: ['NM1', 'N3', 'N4'], parents: ['2400'], rank: 3 },
  '2420E': { opensWith: ['NM1*DK'], order: ['NM1', 'N3', 'N4', 'REF', 'PER'], required: ['NM1'], parents: ['2400'], rank: 5 },
  '2420F': { opensWith: ['NM1*DN', 'NM1*P3'], order: ['NM1', 'REF'], required: ['NM1'], parents: ['2400'], rank: 6 },
  '2430': { opensWith: ['SVD'], order: ['SVD', 'CAS', 'DTP', 'AMT'], required: ['SVD', 'DTP'], parents: ['2400'], rank: 7 },
};

export const GRAMMAR_837P: Grammar = {
  loops: LOOPS,
  qualified: new Map([
    ['NM1', { element: 1, shown: 1 }],
    ['HL', { element: 3, shown: 3 }],
  ]),
};
