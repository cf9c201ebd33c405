// R-CO-1 / R-CO-3 on paper: a secondary CMS-1500 names the plan billed in 11/11c and the primary
// in 9/9a/9d with 11d YES; the primary's remittance follows the form as a readable page.
import { describe, expect, it } from 'vitest';
import { renderCms1500 } from '../../electron/export/cms1500/index.ts';
import { boxes, readGlyphs, type Glyph } from '../cms1500/readback.ts';
import { draftSecondary } from '../../electron/cob/draftSecondary.ts';
import { draftOwnCodesSecondary } from '../../electron/cob/ownCodesSecondary.ts';
import { chain, RECORDS } from './fixture.ts';
import * as mcr from './medicareFixture.ts';
import { addRemittancePages } from '../../electron/cob/remittancePages.ts';

const { secondary, tertiary } = chain();
const ITEMS = ['1a', '9', '9a', '9d', '11', '11c', '11d_yes', '11d_no', '26'];

/** The remittance page's text, line by line (top to bottom), from the glyph positions. */
function lines(glyphs: Glyph[]): string[] {
  const rows = new Map<number, Glyph[]>();
  for (const g of glyphs) rows.set(g.baseline, [...(rows.get(g.baseline) ?? []), g]);
  return [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, gs]) => {
    const sorted = gs.sort((a, b) => a.x - b.x);
    const pitch = 0.6 * sorted[0]!.size;
    let out = '';
    let x = 54;
    for (const g of sorted) {
      out += ' '.repeat(Math.max(0, Math.round((g.x - x) / pitch))) + g.ch;
      x = g.x + pitch;
    }
    return out;
  });
}

describe('CMS-1500 for a secondary claim', () => {
  it('R-CO-1: items 1a, 11 and 11c describe AllWays (billed), 9, 9a and 9d the primary, 11d YES', async () => {
    const pdf = await renderCms1500({ claims: [secondary.claim], dataset: RECORDS, mode: 'data', now: '2026-11-21T10:00:00' });
    const [page] = await readGlyphs(pdf);
    expect(boxes(page!, ITEMS)).toEqual({
      '1a': 'AW900100', '9': 'GARZA, HELEN', '9a': 'XOB123456789', '9d': 'BLUE CROSS AND BLUE SHIELD O',
      '11': 'AWG7', '11c': 'ALLWAYS HEALTH PARTNERS', '11d_yes': 'X', '11d_no': '', '26': 'C2610P1001A2',
    });
  });

  it('R-CO-3: with attachRemittances the primary\'s remittance follows the form, one page per earlier payer', async () => {
    const pdf = await renderCms1500({ claims: [tertiary], dataset: RECORDS, mode: 'full', now: '2026-11-21T10:00:00', afterClaim: (doc, c) => addRemittancePages(doc, c, RECORDS.payers) });
    const pages = await readGlyphs(pdf);
    expect(pages).toHaveLength(3);
    expect(boxes(pages[0]!, ['9d', '11c'])).toEqual({ '9d': 'BLUE CROSS AND BLUE SHIELD O', '11c': 'STATE MEDICAID' });
    expect(lines(pages[1]!)).toEqual([
      "Remittance for claim C2610P1001A-3: primary payer's adjudication",
      'Payer: Blue Cross and Blue Shield of Texas (payer ID 84980)',
      'Our claim C2610P1001A   payer claim number 94001000001   remittance date 2026-11-10',
      'Billed 324.00   paid 168.00   patient responsibility 92.00',
      'Line Date                  Procedure          Billed       Paid   Adjusted    Patient',
      '1    2026-10-01            S9500              110.00      32.00      20.00      58.00',
      '      CO-45 20.00  PR-1 50.00  PR-2 8.00',
      '2    2026-10-01            J0696               25.50      16.00       5.50       4.00',
      '      CO-45 5.50  PR-2 4.00',
      '3    2026-10-01            J0696-JW             8.50       0.00       8.50       0.00',
      '      CO-96 8.50',
      '4    2026-10-01            99601              180.00     120.00      30.00      30.00',
      '      CO-45 30.00  PR-2 30.00',
      'Reason codes:',
      '  Contractual obligation: written off, not billable to the patient (CO-45): The charge is',
      "      more than the payer's contracted or allowed amount; the difference is a contractual",
      '      write-off.',
      "  Patient responsibility: the patient or the next payer owes it (PR-1): The patient's",
      '      deductible took this amount: the plan pays nothing until the patient has paid their',
      '      yearly deductible.',
      "  Patient responsibility: the patient or the next payer owes it (PR-2): The patient's",
      '      coinsurance: their percentage share of the allowed amount.',
      '  Contractual obligation: written off, not billable to the patient (CO-96): The service is',
      '      not covered; the remark codes usually say why.',
    ]);
    expect(lines(pages[2]!)[0]).toBe("Remittance for claim C2610P1001A-3: secondary payer's adjudication");
  });
});

describe('CMS-1500 for the own-code secondary after Medicare (R-CO-3)', () => {
  it('R-CO-3: 9, 9a, 9d name Medicare, 11d YES, and Medicare\'s remittance page shows the lines it saw and the denial restated', async () => {
    const d = draftSecondary({ claim: mcr.medicareClaim, postings: mcr.postings, remitClaim: mcr.remittance.claims[0]!, patient: mcr.DATASET.patients[0]!, payers: mcr.DATASET.payers });
    if (d.kind !== 'ownCodes') throw new Error(d.kind);
    const r = draftOwnCodesSecondary({ dataset: mcr.DATASET, medicareClaim: mcr.medicareClaim, adjudication: d.adjudication, coverage: d.coverage, today: mcr.TODAY });
    if (r.kind !== 'draft') throw new Error(r.reason);
    const pages = await readGlyphs(await renderCms1500({ claims: [r.claim], dataset: mcr.DATASET, mode: 'data', now: '2026-11-21T10:00:00', afterClaim: (doc, c) => addRemittancePages(doc, c, mcr.DATASET.payers) }));
    expect(pages).toHaveLength(2);
    expect(boxes(pages[0]!, ['9', '9a', '9d', '11c', '11d_yes'])).toEqual({ '9': 'ROE, RICHARD', '9a': '1EG4TE5MK73', '9d': 'MEDICARE DME MAC', '11c': 'RETIREE SUPPLEMENT PLAN', '11d_yes': 'X' });
    const text = lines(pages[1]!);
    expect(text.slice(1, 4)).toEqual([
      'Payer: Medicare DME MAC (payer ID 17003)',
      `Our claim ${mcr.medicareClaim.id}   payer claim number 94005000001   remittance date 2026-11-12`,
      'Billed 462.00   paid 0.00   patient responsibility 462.00',
    ]);
    expect(text).toContain('Claim adjustments: PR-204 360.00');
    expect(text.filter((l) => /^\d /.test(l))).toEqual([
      '2    2026-10-01            J0696               34.00       0.00       0.00      34.00',
      '4    2026-10-02            J0696               34.00       0.00       0.00      34.00',
      '6    2026-10-03            J0696               34.00       0.00       0.00      34.00',
    ]);
  });
});
