// The CMS-1500 of each profile's October claim, read back with pdf.js: KP/KQ on paper only for
// AllWays (R-DR-8 [AW6]), the DOSE/FREQ note after the NDC item (R-DR-12 [AW11]), the ZZ
// description of a NOC code (R-CL-12 [HC13]).
import { describe, expect, it } from 'vitest';
import { renderCms1500 } from '../../electron/export/cms1500/index.ts';
import { PROFILE_IDS } from '../../electron/domain/types.ts';
import type { ProfileId } from '../../electron/domain/types.ts';
import { build } from '../claims/fixture.ts';
import { boxes, readGlyphs } from '../cms1500/readback.ts';
import { profileOffice } from './offices.ts';

const NOW = '2026-11-05T10:00:00';

async function firstPage(id: ProfileId, slots: number[]): Promise<Record<string, string>> {
  const ds = profileOffice(id);
  const claim = build(ds).claims[0]!;
  const [page] = await readGlyphs(await renderCms1500({ claims: [claim], dataset: ds, mode: 'data', now: NOW }));
  return boxes(page!, slots.flatMap((s) => [`24_${s}_cpt`, `24_${s}_mod1`, `24_${s}_supplemental`]));
}

describe('profile claims on the CMS-1500', () => {
  it('every profile prints its first claim', async () => {
    for (const id of PROFILE_IDS) expect((await firstPage(id, [1]))['24_1_cpt'], id).toMatch(/^[A-Z0-9]{5}$/);
  });

  it('allways: KP and KQ in 24D, the note after the NDC item in the shaded line', async () => {
    expect(await firstPage('allways', [2, 3])).toEqual({
      '24_2_cpt': 'J0696', '24_2_mod1': 'KP', '24_2_supplemental': 'N400409733201   UN1     DOSE 2 G FREQ Q24H',
      '24_3_cpt': 'J3370', '24_3_mod1': 'KQ', '24_3_supplemental': 'N463323028420   UN1     DOSE 1 G FREQ Q24H',
    });
  });

  it('bcbs-vt: the NOC supply carries ZZ and its description', async () => {
    const ds = profileOffice('bcbs-vt');
    const claim = build(ds).claims[0]!;
    const pages = await readGlyphs(await renderCms1500({ claims: [claim], dataset: ds, mode: 'data', now: NOW }));
    expect(boxes(pages[1]!, ['24_2_cpt', '24_2_supplemental'])).toEqual({ '24_2_cpt': 'A9999', '24_2_supplemental': 'ZZDRESSING CHANGE KIT STERILE MISC.' });
  });
});
