// billing-rules.md §12: payers[].profile in the import, the profiles' data checked by the same
// schema as a file's settings, and a store that keeps the profile and every §12.2 setting.
import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../db/open.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { getProfile, listProfiles, settingsDifferingFromProfile } from '../../electron/domain/profiles.ts';
import { DEFAULT_PAYER_SETTINGS } from '../../electron/domain/settings.ts';
import { PROFILE_IDS } from '../../electron/domain/types.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { payerSettings } from '../../electron/import/schemas.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { example } from './helpers.ts';

const withPayer = (p: Record<string, unknown>) => ({ ...example(), payers: [{ id: 'X', name: 'X', ...p }], patients: [], therapies: [], dispenses: [], visits: [] });

describe('payer profiles', () => {
  it('are the five seeds, each value accepted by the import schema, each seed value with its reason', () => {
    expect(listProfiles().map((p) => p.id)).toEqual([...PROFILE_IDS]);
    for (const p of listProfiles()) {
      const r = payerSettings.safeParse(p.settings);
      expect(r.success, p.id).toBe(true);
      for (const key of Object.keys(p.settings) as Array<keyof typeof p.settings>) {
        if (JSON.stringify(p.settings[key]) !== JSON.stringify(DEFAULT_PAYER_SETTINGS[key])) expect(p.reasons[key], `${p.id} ${key}`).toMatch(/\[[A-Z]{2}\d+\]/);
      }
    }
  });

  it('payers[].profile copies the profile; settings given beside it win', () => {
    const r = parseDataset(withPayer({ profile: 'allways', settings: { lineSpan: 'week' } }));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const p = r.dataset.payers[0]!;
    expect(p.profile).toBe('allways');
    expect(p.settings).toEqual({ ...getProfile('allways').settings, lineSpan: 'week' });
    expect(settingsDifferingFromProfile(p.settings, 'allways')).toEqual(['lineSpan']);
  });

  it('reads requiresPriorAuth as before: true is all, false none; priorAuthRequiredFor wins', () => {
    const auth = (settings: Record<string, unknown>) => {
      const r = parseDataset(withPayer({ settings }));
      if (!r.ok) throw new Error(r.errors.join('\n'));
      return r.dataset.payers[0]!.settings.priorAuthRequiredFor;
    };
    expect(auth({ requiresPriorAuth: true })).toBe('all');
    expect(auth({ requiresPriorAuth: false })).toBe('none');
    expect(auth({ requiresPriorAuth: false, priorAuthRequiredFor: ['G0088-G0090', 'tpn'] })).toEqual(['G0088-G0090', 'tpn']);
  });

  it('names a bad profile, code range or code date', () => {
    const r = parseDataset(withPayer({ profile: 'bcbs-ca', settings: { alwaysBundled: ['J1642-J1000'], codeDates: { S9563: { from: '2023-04-01', to: '2023-01-01' } } } }));
    expect(r.ok ? [] : r.errors).toEqual([
      "payers[0].profile: 'bcbs-ca' is not one of bcbs-vt, bcbs-nm, bcbs-tx, allways, wellcare-nc",
      "payers[0].settings.alwaysBundled[0]: 'J1642-J1000' is not a code or a range CODE-CODE",
      'payers[0].settings.codeDates.S9563.to: ends 2023-01-01, before it starts 2023-04-01',
    ]);
  });

  it('names the bad entry of priorAuthRequiredFor, a bad codeDates key and a bad compoundKpKq (the settings screen shows these)', () => {
    const r = parseDataset(
      withPayer({
        settings: { priorAuthRequiredFor: ['G0088-G0090', 'g0089', 'tpn'], codeDates: { Q9: { from: '2023-02-30' } }, compoundKpKq: 'Paper' },
      }),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      "payers[0].settings.compoundKpKq: \"Paper\" is not one of true, false, \"paper\"",
      "payers[0].settings.priorAuthRequiredFor: 'g0089' (entry 2) is not a code, a range CODE-CODE or a therapy category",
      "payers[0].settings.codeDates.Q9.from: '2023-02-30' is not a real date (YYYY-MM-DD)",
      "payers[0].settings.codeDates.Q9: 'Q9' is not a code or a range CODE-CODE",
    ]);
    const all = parseDataset(withPayer({ settings: { priorAuthRequiredFor: 'some' } }));
    expect(all.ok ? [] : all.errors).toEqual(['payers[0].settings.priorAuthRequiredFor: must be "all", "none" or a list of codes, ranges and categories']);
  });

  it("reads an open end of a code date (null or absent) as the profile's, so a payer saved from the screen does not differ", () => {
    const r = parseDataset(withPayer({ profile: 'bcbs-vt', settings: { codeDates: { S9563: { from: '2023-04-01', to: null }, 'G0088-G0090': { from: '2021-01-01' } } } }));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.dataset.payers[0]!.settings.codeDates).toEqual({ S9563: { from: '2023-04-01' }, 'G0088-G0090': { from: '2021-01-01' } });
    expect(settingsDifferingFromProfile(r.dataset.payers[0]!.settings, 'bcbs-vt')).toEqual([]);
  });

  it('are kept by the store with every §12.2 setting and patient-owned dispenses', () => {
    const store = openMemoryStore();
    const raw = example();
    const payers = raw.payers as Array<Record<string, unknown>>;
    payers.push({ id: 'vt', name: 'BCBS VT', profile: 'bcbs-vt' }, { id: 'aw', name: 'AllWays', profile: 'allways' });
    (raw.dispenses as Array<Record<string, unknown>>)[0]!.patientOwned = true;
    importDataset(store.db, raw);
    const parsed = parseDataset(raw);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(loadDataset(store.db)).toEqual(parsed.dataset);
    store.close();
  });
});
