// Writes the check.py samples: one single-page claim in each mode (and as a preview), a two-page
// secondary and a tertiary (items 9–9d, 11d and 29 from the earlier payers), each with its EXPECT json
// (npm run conformance, scripts/conformance.sh, runs the shared tools/cms1500/check.py on them).
//   npx tsx test/cms1500/samples.ts OUTDIR
import fs from 'node:fs';
import path from 'node:path';
import { renderCms1500 } from '../../electron/export/cms1500/index.ts';
import { NOW, SINGLE_PAGE_EXPECT, dataset, perDiemClaim, singlePageClaim } from './fixture.ts';
import { chain, RECORDS, twoPageSecondary } from '../cob/fixture.ts';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: samples.ts OUTDIR');
  fs.mkdirSync(dir, { recursive: true });
  const expect = { _pages: 1, ...SINGLE_PAGE_EXPECT };
  // a two-page claim: CONTINUED on page 1, the total and PAGE 2 OF 2 on page 2
  const multi = {
    _pages: 2,
    pages: {
      '1': { carrier_page: 'PAGE 1 OF 2', '28': 'CONTINUED', '24_6_from': '10 06 26', '26': 'C2026100002' },
      '2': { carrier_page: 'PAGE 2 OF 2', '28': '880 00', '24_1_from': '10 07 26', '24_2_from': '10 08 26', '24_3_from': '' },
    },
  };
  for (const mode of ['full', 'data'] as const) {
    const single = await renderCms1500({ claims: [singlePageClaim()], dataset: dataset(), mode, now: NOW });
    fs.writeFileSync(path.join(dir, `single-${mode}.pdf`), single);
    fs.writeFileSync(path.join(dir, `single-${mode}.expect.json`), JSON.stringify(expect, null, 1) + '\n');
    const two = await renderCms1500({ claims: [perDiemClaim('C2026100002', 'P1001', 'acme', 8)], dataset: dataset(), mode, now: NOW });
    fs.writeFileSync(path.join(dir, `multi-${mode}.pdf`), two);
    fs.writeFileSync(path.join(dir, `multi-${mode}.expect.json`), JSON.stringify(multi, null, 1) + '\n');
  }
  // R-CO-1 on paper: a two-page secondary (item 29 blank on page 1, BCBS TX's 168.00 on page 2 beside
  // the total) and a tertiary (both earlier payers: 168.00 + 75.40)
  const { secondary, tertiary } = chain();
  const two = twoPageSecondary(secondary.claim);
  const others = { '9': 'GARZA, HELEN', '9a': 'XOB123456789', '11d_yes': 'X', '11c': 'ALLWAYS HEALTH PARTNERS' };
  fs.writeFileSync(path.join(dir, 'secondary-full.pdf'), await renderCms1500({ claims: [two.claim], dataset: two.records, mode: 'full', now: NOW }));
  fs.writeFileSync(path.join(dir, 'secondary-full.expect.json'), JSON.stringify({
    _pages: 2,
    pages: {
      '1': { ...others, carrier_page: 'PAGE 1 OF 2', '28': 'CONTINUED', '29': '', '30': '' },
      '2': { ...others, carrier_page: 'PAGE 2 OF 2', '28': '648 00', '29': '168 00', '30': '' },
    },
  }, null, 1) + '\n');
  fs.writeFileSync(path.join(dir, 'tertiary-data.pdf'), await renderCms1500({ claims: [tertiary], dataset: RECORDS, mode: 'data', now: NOW }));
  fs.writeFileSync(path.join(dir, 'tertiary-data.expect.json'), JSON.stringify({
    _pages: 1, '9a': 'XOB123456789', '11c': 'STATE MEDICAID', '28': '324 00', '29': '243 40', '30': '',
  }, null, 1) + '\n');
  // a preview: the boxes must read exactly as on the claim, the mark sits above the form
  const preview = await renderCms1500({ claims: [singlePageClaim()], dataset: dataset(), mode: 'full', now: NOW, preview: true });
  fs.writeFileSync(path.join(dir, 'preview-full.pdf'), preview);
  fs.writeFileSync(path.join(dir, 'preview-full.expect.json'), JSON.stringify(expect, null, 1) + '\n');
  console.log(`wrote samples to ${dir}`);
}

await main();
