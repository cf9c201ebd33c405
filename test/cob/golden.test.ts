// R-CO-1 golden 837P cases, made by the real chain (test/cob/fixture.ts), never by hand: the
// stored JSON must be what the chain drafts; test/export837/golden.test.ts then writes each one
// to its exact .x12 and reads it back. Regenerate with UPDATE_GOLDEN=1 (both test files), then run
// `npm run conformance` (the shared 837P validator) on the .x12 files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read837 } from '../../electron/export/x12/read837.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { GOLDEN_DIR } from '../export837/golden.ts';
import { draftSecondary } from '../../electron/cob/draftSecondary.ts';
import { draftOwnCodesSecondary } from '../../electron/cob/ownCodesSecondary.ts';
import { batch, chain, PRIMARY } from './fixture.ts';
import * as mcr from './medicareFixture.ts';

const update = process.env.UPDATE_GOLDEN === '1';
const { secondary, tertiary } = chain();

/** R-CO-3: the supplement's S-code claim after Medicare's denial. */
function medicareForDenial() {
  const d = draftSecondary({ claim: mcr.medicareClaim, postings: mcr.postings, remitClaim: mcr.remittance.claims[0]!, patient: mcr.DATASET.patients[0]!, payers: mcr.DATASET.payers });
  if (d.kind !== 'ownCodes') throw new Error(d.kind);
  const r = draftOwnCodesSecondary({ dataset: mcr.DATASET, medicareClaim: mcr.medicareClaim, adjudication: d.adjudication, coverage: d.coverage, today: mcr.TODAY });
  if (r.kind !== 'draft') throw new Error(r.reason);
  return mcr.batch([r.claim], 313);
}

const CASES = {
  'medicare-for-denial': medicareForDenial(),
  'secondary-after-partial': batch([secondary.claim], 311),
  tertiary: batch([tertiary], 312),
};

describe('R-CO-1 secondary and tertiary golden inputs', () => {
  for (const [name, input] of Object.entries(CASES)) {
    it(`R-CO-1: ${name}.json is the claim the chain drafts`, () => {
      const file = path.join(GOLDEN_DIR, `${name}.json`);
      const text = `${JSON.stringify(input, null, 1)}\n`;
      if (update) writeFileSync(file, text);
      if (!existsSync(file)) expect.fail(`${name}.json is missing: run with UPDATE_GOLDEN=1`);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(text));
    });
  }

  it('R-CO-1: a secondary then a primary in one file: the next 2000B SBR is the subscriber again, not a 2320', () => {
    const r = read837(write837(batch([secondary.claim, PRIMARY], 314)).text);
    expect([r.errors, r.warnings]).toEqual([[], []]);
    expect(r.claims.map((c) => [c.id, c.payerId, c.otherPayers.length, c.lines[0]!.adjudications.length])).toEqual([
      ['C2610P1001A-2', '04293', 1, 1],
      ['C2610P1001A', '84980', 0, 0],
    ]);
  });

  it('R-CO-1: the tertiary reads back with both earlier payers and every 2430', () => {
    const r = read837(write837(CASES.tertiary).text);
    expect(r.errors).toEqual([]);
    const c = r.claims[0]!;
    expect(c.otherPayers.map((o) => [o.responsibility, o.payerId, o.memberId, o.paidCents, o.payerClaimNumber, o.adjudicatedOn, o.remainingPatientCents])).toEqual([
      ['P', '84980', 'XOB123456789', 16800, '94001000001', '2026-11-10', null],
      ['S', '04293', 'AW900100', 7540, '94002000001', '2026-11-18', null],
    ]);
    expect(c.lines.map((l) => l.adjudications.map((a) => [a.payerId, a.paidCents, a.code, a.modifiers.join(':'), a.units, a.adjustments.map((x) => `${x.group}-${x.reason} ${x.cents}`).join(' '), a.remainingPatientCents]))).toEqual([
      [['84980', 3200, 'S9500', '', 1, 'CO-45 2000 PR-1 5000 PR-2 800', 5800], ['04293', 4640, 'S9500', '', 1, 'CO-45 5200 PR-2 1160', 1160]],
      [['84980', 1600, 'J0696', '', 6, 'CO-45 550 PR-2 400', 400], ['04293', 400, 'J0696', '', 6, 'CO-45 2150', 0]],
      [['84980', 0, 'J0696', 'JW', 2, 'CO-96 850', 0], ['04293', 0, 'J0696', 'JW', 2, 'CO-96 850', 0]],
      [['84980', 12000, '99601', '', 1, 'CO-45 3000 PR-2 3000', 3000], ['04293', 2500, '99601', '', 1, 'CO-45 15000 PR-3 500', 500]],
    ]);
  });
});
