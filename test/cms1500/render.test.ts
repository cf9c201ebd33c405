import { describe, expect, it } from 'vitest';
import { Cms1500Error, LAYOUT, renderCms1500, renderTestPage, type FormMode } from '../../electron/export/cms1500/index.ts';
import { BILLING_NPI, NOW, SINGLE_PAGE_EXPECT, dataset, perDiemClaim, singlePageClaim } from './fixture.ts';
import { boxes, readGlyphs, stray, textIn, type Glyph } from './readback.ts';

const MODES: FormMode[] = ['full', 'data'];

/** Expected values, checked box by box; every printed character must belong to a listed box. */
function expectPage(glyphs: Glyph[], want: Record<string, string>): void {
  expect(boxes(glyphs, Object.keys(want))).toEqual(want);
  const filled = Object.keys(want).filter((id) => want[id] !== '');
  expect(stray(glyphs, filled).map((g) => `${g.ch}@${g.x.toFixed(1)},${g.baseline}`)).toEqual([]);
}

const HEADER_FIELDS = Object.keys(SINGLE_PAGE_EXPECT).filter((id) => !id.startsWith('24_') && id !== '28' && id !== 'carrier_page');

describe('CMS-1500 pages read back with pdf.js', () => {
  for (const mode of MODES) {
    it(`puts every value of a one-page claim inside its box (${mode} form)`, async () => {
      const pages = await readGlyphs(await renderCms1500({ claims: [singlePageClaim()], dataset: dataset(), mode, now: NOW }));
      expect(pages).toHaveLength(1);
      expectPage(pages[0]!, SINGLE_PAGE_EXPECT);
    });
  }

  it('prints the same text in both modes: the red labels of the full form are outlines, not text', async () => {
    const input = { claims: [singlePageClaim()], dataset: dataset(), now: NOW };
    const [full] = await readGlyphs(await renderCms1500({ ...input, mode: 'full' }));
    const [data] = await readGlyphs(await renderCms1500({ ...input, mode: 'data' }));
    expect(full).toEqual(data);
  });

  it('spreads eight lines over two pages: CONTINUED in 28 on page 1, the claim total and PAGE 2 OF 2 on page 2', async () => {
    const claim = perDiemClaim('C2026100002', 'P1001', 'acme', 8);
    const pages = await readGlyphs(await renderCms1500({ claims: [claim], dataset: dataset(), mode: 'data', now: NOW }));
    expect(pages).toHaveLength(2);
    const header = { ...Object.fromEntries(HEADER_FIELDS.map((id) => [id, SINGLE_PAGE_EXPECT[id]!])), '26': 'C2026100002' };
    const lineBoxes = (slot: number, day: number) => ({
      [`24_${slot}_from`]: `10 ${String(day).padStart(2, '0')} 26`,
      [`24_${slot}_to`]: `10 ${String(day).padStart(2, '0')} 26`,
      [`24_${slot}_pos`]: '12',
      [`24_${slot}_cpt`]: 'S9500',
      [`24_${slot}_pointer`]: 'AB',
      [`24_${slot}_charges`]: '110 00',
      [`24_${slot}_units`]: '1',
    });
    expectPage(pages[0]!, {
      ...header,
      carrier_page: 'PAGE 1 OF 2',
      ...Object.assign({}, ...[1, 2, 3, 4, 5, 6].map((k) => lineBoxes(k, k))),
      '28': 'CONTINUED',
    });
    expectPage(pages[1]!, {
      ...header,
      carrier_page: 'PAGE 2 OF 2',
      ...lineBoxes(1, 7),
      ...lineBoxes(2, 8),
      '24_3_from': '',
      '24_3_cpt': '',
      '28': '880 00',
    });
  });

  it("totals each page on its own for a payer set to 'perPage'", async () => {
    const claim = perDiemClaim('C9', 'P2002', 'ocr', 8, { coveragePriority: 2 });
    const pages = await readGlyphs(await renderCms1500({ claims: [claim], dataset: dataset(), mode: 'data', now: NOW }));
    expect(pages.map((g) => boxes(g, ['28', 'carrier_page', '1_group', '1a']))).toEqual([
      { '28': '660 00', carrier_page: 'PAGE 1 OF 2', '1_group': 'X', '1a': 'OCR55' },
      { '28': '220 00', carrier_page: 'PAGE 2 OF 2', '1_group': 'X', '1a': 'OCR55' },
    ]);
  });

  it("fills the insured's boxes from the subscriber for a dependent child, and 9/9a/9d from the other coverage", async () => {
    const claim = perDiemClaim('C2026100003', 'P2002', 'acme', 1);
    const [page] = await readGlyphs(await renderCms1500({ claims: [claim], dataset: dataset(), mode: 'data', now: NOW }));
    expect(
      boxes(page!, ['1a', '2', '3_dob', '3_sex_m', '3_sex_f', '4', '6_self', '6_child', '7_street', '7_city', '7_zip',
        '9', '9a', '9d', '11', '11a_dob', '11a_sex_m', '11a_sex_f', '11d_yes', '11d_no']),
    ).toEqual({
      '1a': 'ACM998877',
      '2': 'NGUYEN-BAKER, TOMMY',
      '3_dob': '09 30 2014',
      '3_sex_m': 'X',
      '3_sex_f': '',
      '4': 'NGUYEN-BAKER, LINH, T',
      '6_self': '',
      '6_child': 'X',
      // the subscriber has no address of her own: the child's (they live together)
      '7_street': '77 OAK AVE',
      '7_city': 'PEORIA',
      '7_zip': '61602',
      '9': 'NGUYEN-BAKER, TOMMY',
      '9a': 'OCR55',
      '9d': 'OCR MUTUAL',
      '11': 'G77',
      '11a_dob': '02 29 1984',
      '11a_sex_m': '',
      '11a_sex_f': 'X',
      '11d_yes': 'X',
      '11d_no': '',
    });
  });

  it('prints a replacement as 7 plus the original claim number in 22, Medicare in item 1, and cuts long values to the box', async () => {
    const claim = perDiemClaim('C3LONGIDENTIFIER01', 'P3003', 'mcr', 2, { frequency: '7', originalClaimNumber: 'ORIG-998877' });
    const [page] = await readGlyphs(await renderCms1500({ claims: [claim], dataset: dataset(), mode: 'full', now: NOW }));
    expect(
      boxes(page!, ['22_code', '22_ref', '1_medicare', '1_group', '2', '4', '5_street', '5_city', '7_street', '7_city', '26', '33b', '28']),
    ).toEqual({
      '22_code': '7',
      '22_ref': 'ORIG998877',
      '1_medicare': 'X',
      '1_group': '',
      '2': 'VANDERSLOOT-FEATHERSTONEHAUG',
      '4': 'VANDERSLOOT-FEATHERSTONEHAUGH',
      '5_street': '4000 NORTH VERY LONG BOULEVA',
      '5_city': 'RANCHO SANTA MARGARITA H',
      '7_street': '4000 NORTH VERY LONG BOULEVAR',
      '7_city': 'RANCHO SANTA MARGARITA',
      '26': 'C3LONGIDENTIFI',
      // Medicare does not want 33b
      '33b': '',
      '28': '220 00',
    });
    expect(stray(page!, Object.keys(LAYOUT.fields))).toEqual([]);
  });

  for (const mode of MODES) {
    it(`moves every character by exactly the printer offset (${mode} form)`, async () => {
      const input = { claims: [singlePageClaim(), perDiemClaim('C2', 'P2002', 'acme', 7)], dataset: dataset(), mode, now: NOW };
      const plain = await readGlyphs(await renderCms1500(input));
      const moved = await readGlyphs(await renderCms1500({ ...input, offset: { x: 4.5, y: -2.25 } }));
      expect(moved).toHaveLength(3);
      const shift = (g: Glyph) => ({ ...g, x: Math.round((g.x + 4.5) * 1000) / 1000, baseline: g.baseline - 2.25 });
      const round = (g: Glyph) => ({ ...g, x: Math.round(g.x * 1000) / 1000 });
      expect(moved.map((p) => p.map(round))).toEqual(plain.map((p) => p.map(shift)));
    });
  }

  it('prints a calibration page with sample values and an X in every check box, moved by the offset', async () => {
    const [plain] = await readGlyphs(await renderTestPage({ x: 0, y: 0 }));
    const [moved] = await readGlyphs(await renderTestPage({ x: -3, y: 6 }));
    expect(boxes(plain!, ['1a', '2', '28', '33a', '1_medicare', '27_no', 'carrier_name'])).toEqual({
      '1a': 'CALIBRATION 1A',
      '2': 'CALIBRATION, ITEM, TWO',
      '28': '99999 99',
      '33a': '1234567890',
      '1_medicare': 'X',
      '27_no': 'X',
      carrier_name: 'OFFSET X +0.0 PT Y +0.0 PT',
    });
    const xs = plain!.filter((g) => g.ch === 'X').length;
    const boxesWithX = Object.values(LAYOUT.fields).filter((f) => f.kind === 'checkbox').length;
    expect(xs).toBeGreaterThanOrEqual(boxesWithX);
    const shifted = { ...LAYOUT.fields['1a']!.rect };
    shifted.x0 -= 3; shifted.x1 -= 3; shifted.y0 += 6; shifted.y1 += 6;
    expect(textIn(moved!, shifted)).toBe('CALIBRATION 1A');
    expect(textIn(moved!, LAYOUT.fields['carrier_name']!.rect.x0 ? { ...LAYOUT.fields['carrier_name']!.rect, x0: 300, y0: 750, y1: 762 } : LAYOUT.fields['carrier_name']!.rect)).toBe('OFFSET X -3.0 PT Y +6.0 PT');
  });
});

describe('CMS-1500 output is reproducible', () => {
  it('gives identical bytes for the same claims and the same now, with dates from now and no random /ID', async () => {
    const input = { claims: [singlePageClaim(), perDiemClaim('C2', 'P1001', 'acme', 9)], dataset: dataset(), mode: 'full' as const, now: NOW };
    const a = await renderCms1500(input);
    const b = await renderCms1500(input);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = Buffer.from(a).toString('latin1');
    expect(text).toContain('/CreationDate (D:20261103093000Z)');
    expect(text).toContain('/ModDate (D:20261103093000Z)');
    expect(text).not.toMatch(/\/ID\s*\[/);
    const later = await renderCms1500({ ...input, now: '2026-11-04T09:30:00' });
    expect(Buffer.from(later).toString('latin1')).toContain('/CreationDate (D:20261104093000Z)');
  });
});

describe('CMS-1500 refuses claims it cannot print faithfully', () => {
  const render = (claim = singlePageClaim(), data = dataset()) => renderCms1500({ claims: [claim], dataset: data, mode: 'data', now: NOW });

  it('names the claim and line when units do not fit 24G rather than cutting them', async () => {
    const claim = singlePageClaim();
    claim.lines[1]!.units = 1250;
    await expect(render(claim)).rejects.toThrow(new Cms1500Error("line 2: '1250' does not fit 24G days or units (3 characters)", 'C2026100001'));
  });

  it('counts lines across pages when it names a line that does not fit', async () => {
    const claim = perDiemClaim('C8', 'P1001', 'acme', 8);
    claim.lines[6]!.chargeCents = 12_345_678_90;
    claim.totalCents = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
    await expect(render(claim)).rejects.toThrow("claim C8: line 7: '12345678 90' does not fit 24F charges (8 characters)");
  });

  it('refuses a replacement without the original claim number', async () => {
    await expect(render({ ...singlePageClaim(), frequency: '8' })).rejects.toThrow(/frequency 8 needs the payer's original claim number/);
  });

  it('refuses a claim whose total is not the sum of its lines', async () => {
    await expect(render({ ...singlePageClaim(), totalCents: 1 })).rejects.toThrow(/total 1 cents differs from its lines' sum 44125/);
  });

  it('names a patient that is not in the records', async () => {
    await expect(render({ ...singlePageClaim(), patient: 'P404' })).rejects.toThrow("claim C2026100001: patient 'P404' is not in the records");
  });

  it('refuses an NPI that fails the check digit, naming whose it is (17b, 33a, 24J)', async () => {
    const badPrescriber = dataset();
    badPrescriber.prescribers[0]!.npi = '1245319598';
    await expect(render(singlePageClaim(), badPrescriber)).rejects.toThrow(
      new Cms1500Error("prescriber DR1 npi '1245319598' is not a valid NPI (10 digits, Luhn check digit)", 'C2026100001'),
    );
    const badOrganization = dataset();
    badOrganization.organization!.npi = '172008123';
    await expect(render(singlePageClaim(), badOrganization)).rejects.toThrow(/organization npi '172008123' is not a valid NPI/);
    const claim = singlePageClaim();
    claim.lines[2]!.renderingNpi = '1234567890';
    await expect(render(claim)).rejects.toThrow(/line 3 renderingNpi '1234567890' is not a valid NPI/);
  });

  it('refuses a printer offset beyond an inch', async () => {
    await expect(renderCms1500({ claims: [singlePageClaim()], dataset: dataset(), mode: 'data', now: NOW, offset: { x: 80, y: 0 } })).rejects.toThrow(/within one inch/);
  });

  it('prints the billing NPI only in 33a and a rendering NPI in 24J only when it differs', async () => {
    const claim = singlePageClaim();
    claim.lines[0]!.renderingNpi = BILLING_NPI;
    const [page] = await readGlyphs(await render(claim));
    expect(boxes(page!, ['24_1_npi', '24_3_npi', '33a'])).toEqual({ '24_1_npi': '', '24_3_npi': '1234567893', '33a': BILLING_NPI });
  });
});

describe('CMS-1500 carrier block', () => {
  it('prints the payer address on consecutive lines when it has no second line', async () => {
    const claim = perDiemClaim('C5', 'P3003', 'mcr', 1);
    const [page] = await readGlyphs(await renderCms1500({ claims: [claim], dataset: dataset(), mode: 'data', now: NOW }));
    expect(boxes(page!, ['carrier_page', 'carrier_name', 'carrier_addr1', 'carrier_addr2', 'carrier_city_state_zip'])).toEqual({
      carrier_page: '',
      carrier_name: 'MEDICARE PART B',
      carrier_addr1: 'PO BOX 6000',
      carrier_addr2: 'FARGO ND 58108',
      carrier_city_state_zip: '',
    });
  });
});
