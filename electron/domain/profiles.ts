// billing-rules.md §12: the five seed policies as data (resources/profiles/*.json). A profile is a
// preset of every payer setting: the seed's values over the product defaults. Picking one copies
// its values into the payer's settings, which stay editable; nothing in the engine asks which
// profile a payer came from (a profile is data, not a branch).
import bcbsVt from '../../resources/profiles/bcbs-vt.json' with { type: 'json' };
import bcbsNm from '../../resources/profiles/bcbs-nm.json' with { type: 'json' };
import bcbsTx from '../../resources/profiles/bcbs-tx.json' with { type: 'json' };
import allways from '../../resources/profiles/allways.json' with { type: 'json' };
import wellcareNc from '../../resources/profiles/wellcare-nc.json' with { type: 'json' };
import { copySettings, withDefaults } from './settings.ts';
import type { PayerSettings, ProfileId } from './types.ts';

export interface PayerProfile {
  id: ProfileId;
  name: string;
  /** the seed file under shared/seeds the values come from */
  seed: string;
  /** every setting: the seed's values over the defaults */
  settings: PayerSettings;
  /** the seed's words behind each value it sets; settings it does not set take the default */
  reasons: Partial<Record<keyof PayerSettings, string>>;
}

interface ProfileJson {
  id: string;
  name: string;
  seed: string;
  settings: object;
  reasons: object;
}

function load(json: ProfileJson): PayerProfile {
  return {
    id: json.id as ProfileId,
    name: json.name,
    seed: json.seed,
    // checked against the import schema by test/import/profiles.test.ts
    settings: withDefaults(json.settings as Partial<PayerSettings>),
    reasons: json.reasons as PayerProfile['reasons'],
  };
}

const PROFILES: ReadonlyMap<ProfileId, PayerProfile> = new Map(
  [bcbsVt, bcbsNm, bcbsTx, allways, wellcareNc].map((j) => {
    const p = load(j);
    return [p.id, p];
  }),
);

export function listProfiles(): PayerProfile[] {
  return [...PROFILES.values()];
}

export function getProfile(id: ProfileId): PayerProfile {
  return PROFILES.get(id)!;
}

/** The profile's settings (a copy) with `partial` winning: what a payer added with it starts from. */
export function profileSettings(id: ProfileId | null | undefined, partial?: Partial<PayerSettings> | null): PayerSettings {
  return id ? withDefaults(partial, getProfile(id).settings) : withDefaults(partial);
}

/** The settings whose value differs from the profile's (lists and maps compared by content). */
export function settingsDifferingFromProfile(settings: PayerSettings, id: ProfileId): Array<keyof PayerSettings> {
  const preset = copySettings(getProfile(id).settings);
  return (Object.keys(preset) as Array<keyof PayerSettings>).filter((k) => JSON.stringify(settings[k]) !== JSON.stringify(preset[k]));
}
