// Done-when of issue 16: for each §12 profile, an October office gives exactly the claims and
// findings §12 says; its claims are the input of a golden 837P (test/golden/837p/profile-<id>)
// and read back from a CMS-1500.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../../electron/domain/types.ts';
import type { ProfileId } from '../../electron/domain/types.ts';
import { brief, build } from '../claims/fixture.ts';
import { GOLDEN_DIR } from '../export837/golden.ts';
import { profileOffice } from './offices.ts';

const update = process.env.UPDATE_GOLDEN === '1';

const built = (id: ProfileId) => build(profileOffice(id), { to: '2026-10-31', today: '2026-11-05' });
const findingsOf = (id: ProfileId) => built(id).findings.map((f) => `${f.severity} ${f.rule} ${f.date ?? ''} ${f.code ?? ''}`.trim());

describe('the five profiles, each built for October', () => {
  for (const id of PROFILE_IDS) {
    it(`${id}: the golden 837P input holds exactly the claims of the build`, () => {
      const r = built(id);
      const ds = profileOffice(id);
      const input = {
        claims: r.claims,
        records: { organization: ds.organization, clearinghouse: { name: 'Example Clearinghouse', senderId: 'TESTINF', receiverId: 'CLEARHOUSE01', submitterId: 'TESTINF', usage: 'T' }, payers: ds.payers, patients: ds.patients, prescribers: ds.prescribers, nurses: ds.nurses },
        control: { interchange: 1600 + PROFILE_IDS.indexOf(id), group: 1, transaction: 1 },
        now: '2026-11-05T10:00:00',
      };
      const file = path.join(GOLDEN_DIR, `profile-${id}.json`);
      if (update) writeFileSync(file, `${JSON.stringify(input, null, 1)}\n`);
      expect(existsSync(file), `${file}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(input)));
    });
  }

  it('bcbs-vt (and R-CL-12 for all): no authorization asked but for the TPN code B4185 [VT4]; S9563 billed on its own [VT6]; S9537-S9563 billable [VT1]', () => {
    expect(built('bcbs-vt').claims.map((c) => brief(c.lines))).toEqual(EXPECTED['bcbs-vt']);
    expect(findingsOf('bcbs-vt')).toEqual(FINDINGS['bcbs-vt']);
    expect(built('bcbs-vt').claims[0]!.lines.filter((l) => l.description).map((l) => l.description)).toEqual(['DRESSING CHANGE KIT STERILE MISC.']);
  });
  for (const id of ['bcbs-nm', 'bcbs-tx'] as const) {
    it(`${id}: SC per diem without IV or RN not billed [HC7]; J1642 never billed [HC8]; patient-owned pole billed [HC11]`, () => {
      expect(built(id).claims.map((c) => brief(c.lines))).toEqual(EXPECTED[id]);
      expect(findingsOf(id)).toEqual(FINDINGS[id]);
    });
  }
  it('allways: day lines [AW3], JW [AW5], no KP/KQ on the claim [AW6], DOSE/FREQ notes [AW11], the implanted port billed [AW10]', () => {
    const r = built('allways');
    expect(r.claims.map((c) => brief(c.lines))).toEqual(EXPECTED.allways);
    expect(r.claims[0]!.lines.filter((l) => l.note).map((l) => l.note)).toEqual(['DOSE 2 G FREQ Q24H', 'DOSE 1 G FREQ Q24H', 'DOSE 2 G FREQ Q24H', 'DOSE 1 G FREQ Q24H']);
    expect(r.claims[0]!.lines.filter((l) => l.paperModifiers).map((l) => l.paperModifiers!.join('-'))).toEqual(['KP', 'KQ', 'KP', 'KQ']);
    expect(findingsOf('allways')).toEqual(FINDINGS.allways);
  });
  it('wellcare-nc: S9494 and T1030 only, drugs to the pharmacy [WC3], charge master prices [WC6], T1002 none without amphotericin', () => {
    const r = built('wellcare-nc');
    expect(r.claims.map((c) => brief(c.lines))).toEqual(EXPECTED['wellcare-nc']);
    expect(r.claims[0]!.lines.map((l) => l.chargeCents)).toEqual([15000, 9500, 15000]);
    expect(findingsOf('wellcare-nc')).toEqual(FINDINGS['wellcare-nc']);
  });
});

const HCSC_LINES = [['2026-10-01 S9500 ×1', '2026-10-01 J0696 ×8 UN 1', '2026-10-01 E0776 ×1', '2026-10-02 S9500 ×1', '2026-10-02 J0696 ×8 UN 1']];
const EXPECTED: Record<ProfileId, string[][]> = {
  'bcbs-vt': [[
    '2026-10-01 S9365 ×1', '2026-10-01 S9500-SH ×1', '2026-10-01 S9563-SJ ×1', '2026-10-01 B4185 ×5 ML 250', '2026-10-01 J0696 ×8 UN 1',
    '2026-10-02 S9500 ×1', '2026-10-02 J0696 ×8 UN 1', '2026-10-05 A9999 ×1',
  ]],
  'bcbs-nm': HCSC_LINES,
  'bcbs-tx': HCSC_LINES,
  allways: [[
    '2026-10-01 S9500 ×1', '2026-10-01 J0696 ×8 UN 1', '2026-10-01 J3370 ×2 UN 1', '2026-10-01 A4300 ×1',
    '2026-10-02 S9500 ×1', '2026-10-02 J0696 ×8 UN 1', '2026-10-02 J3370 ×2 UN 1',
  ]],
  'wellcare-nc': [['2026-10-01 S9494 ×1', '2026-10-01 T1030 ×1', '2026-10-02 S9494 ×1']],
};
const HCSC_FINDINGS = ['info R-SU-3 2026-10-02 J1642', 'warning R-PD-9 2026-10-03 S9563'];
const FINDINGS: Record<ProfileId, string[]> = {
  'bcbs-vt': ['error R-CL-5 2026-10-01 B4185'],
  'bcbs-nm': HCSC_FINDINGS,
  'bcbs-tx': HCSC_FINDINGS,
  allways: [],
  'wellcare-nc': [],
};
