// R-CO-1 / R-CO-3 on paper: a secondary CMS-1500 names the plan billed in 11/11c and the primary
// in 9/9a/9d with 11d YES and in item 29 what the earlier payers paid; the primary's remittance
// follows the form as a readable page.
import { describe, expect, it } from 'vitest';
import { renderCms1500 } from '../../electron/export/cms1500/index.ts';
import { boxes, inside, readGlyphs, type Glyph } from '../cms1500/readback.ts';
import { claimPages } from '../../electron/export/cms1500/fields.ts';
import { LAYOUT } from '../../electron/export/cms1500/layout.ts';
import type { Payer } from '../../electron/domain/types.ts';
import { draftSecondary } from '../../electron/cob/draftSecondary.ts';
import { draftOwnCodesSecondary } from '../../electron/cob/ownCodesSecondary.ts';
import { chain, RECORDS, twoPageSecondary } from './fixture.ts';
import * as mcr from './medicareFixture.ts';
import { addRemittancePages } from '../../electron/cob/remittancePages.ts';

const { primary, secondary, tertiary } = chain();
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

describe('CMS-1500 item 29, amount paid: what the earlier payers paid (cob.md §9)', () => {
  const NOW = '2026-11-21T10:00:00';
  const item29 = (pages: Record<string, string>[]) => pages.map((v) => [v['28'], v['29']]);
  const withPayer = (id: string, change: Partial<Payer>) => ({ ...RECORDS, payers: RECORDS.payers.map((p) => (p.id === id ? { ...p, ...change } : p)) });

  it('a secondary: BCBS TX paid 168.00; a tertiary: 168.00 + 75.40; a primary: empty', () => {
    expect(item29(claimPages(secondary.claim, RECORDS, NOW, 'continued'))).toEqual([['  324 00', '  168 00']]);
    expect(item29(claimPages(tertiary, RECORDS, NOW, 'continued'))).toEqual([['  324 00', '  243 40']]);
    expect(item29(claimPages(primary.claim, RECORDS, NOW, 'continued'))).toEqual([['  324 00', undefined]]);
  });

  it('billing Medicare (its code set, or filing indicator MB): empty, Medicare counts patient payments only', () => {
    const allways = RECORDS.payers.find((p) => p.id === 'allways')!;
    const byCodeSet = withPayer('allways', { settings: { ...allways.settings, codeSet: 'medicare-hit' } });
    expect(item29(claimPages(secondary.claim, byCodeSet, NOW, 'continued'))).toEqual([['  324 00', undefined]]);
    expect(item29(claimPages(secondary.claim, withPayer('allways', { filingIndicator: 'MB' }), NOW, 'continued'))).toEqual([['  324 00', undefined]]);
  });

  it('R-CO-3: the supplement after Medicare\'s denial: Medicare paid nothing, so 0 00', () => {
    const d = draftSecondary({ claim: mcr.medicareClaim, postings: mcr.postings, remitClaim: mcr.remittance.claims[0]!, patient: mcr.DATASET.patients[0]!, payers: mcr.DATASET.payers });
    if (d.kind !== 'ownCodes') throw new Error(d.kind);
    const r = draftOwnCodesSecondary({ dataset: mcr.DATASET, medicareClaim: mcr.medicareClaim, adjudication: d.adjudication, coverage: d.coverage, today: mcr.TODAY });
    if (r.kind !== 'draft') throw new Error(r.reason);
    expect(claimPages(r.claim, mcr.DATASET, NOW, 'continued').map((v) => v['29'])).toEqual(['    0 00']);
  });

  it('two pages: only the last carries it, with item 28 CONTINUED or each page\'s own total', () => {
    const continued = twoPageSecondary(secondary.claim, 'continued');
    expect(item29(claimPages(continued.claim, continued.records, NOW, 'continued'))).toEqual([['CONTINUED', undefined], ['  648 00', '  168 00']]);
    const perPage = twoPageSecondary(secondary.claim, 'perPage');
    expect(item29(claimPages(perPage.claim, perPage.records, NOW, 'perPage'))).toEqual([['  459 50', undefined], ['  188 50', '  168 00']]);
  });

  it('prints right-justified in its box on the last page, dollars and cents either side of the dotted rule', async () => {
    const { claim, records } = twoPageSecondary(secondary.claim);
    const pages = await readGlyphs(await renderCms1500({ claims: [claim], dataset: records, mode: 'full', now: NOW }));
    expect(pages.map((g) => boxes(g, ['28', '29', '30']))).toEqual([
      { '28': 'CONTINUED', '29': '', '30': '' },
      { '28': '648 00', '29': '168 00', '30': '' },
    ]);
    // the cells of "%5d %02d": cols 65–69 the dollars, col 70 blank on the rule, 71–72 the cents
    const f = LAYOUT.fields['29']!;
    const cells = pages[1]!.filter((g) => inside(g, f.rect)).map((g) => [g.ch, Math.round((g.x - f.text_x) / LAYOUT.pitch), g.baseline]);
    expect(cells).toEqual([['1', 2, f.baseline], ['6', 3, f.baseline], ['8', 4, f.baseline], ['0', 6, f.baseline], ['0', 7, f.baseline]]);
  });
});
