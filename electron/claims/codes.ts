// The code tables of billing-rules.md as data (resources/codes/*.json), typed once here.
import perDiemCommercial from '../../resources/codes/perDiemCommercial.json' with { type: 'json' };
import perDiemMedicaidNc from '../../resources/codes/perDiemMedicaidNc.json' with { type: 'json' };
import bundledSupplies from '../../resources/codes/bundledSupplies.json' with { type: 'json' };
import perDiemRanges from '../../resources/codes/perDiemRanges.json' with { type: 'json' };
import exclusiveCodes from '../../resources/codes/exclusiveCodes.json' with { type: 'json' };
import nursing from '../../resources/codes/nursing.json' with { type: 'json' };
import drugCodes from '../../resources/codes/drugCodes.json' with { type: 'json' };

/** Inclusive HCPCS ranges; codes are 5 characters, so string order is code order. */
export type CodeRanges = ReadonlyArray<readonly [string, string]>;

export function inRanges(code: string, ranges: CodeRanges): boolean {
  if (code.length !== 5) return false;
  for (const [lo, hi] of ranges) if (code >= lo && code <= hi) return true;
  return false;
}

export type PerDiemRule =
  | { code: string }
  | { by: 'everyHours'; map: Record<string, string>; otherwise: string }
  | { by: 'litersPerDay'; upTo: Array<[number, string]>; above: string; unknown: string }
  | { by: 'mode' | 'lumen'; map: Record<string, string>; unknown: string };

export interface PerDiemTable {
  categories: Record<string, PerDiemRule>;
}

export const PER_DIEM_TABLES: Readonly<Record<'commercial' | 'medicaid-nc', PerDiemTable>> = {
  commercial: perDiemCommercial as unknown as PerDiemTable,
  'medicaid-nc': perDiemMedicaidNc as unknown as PerDiemTable,
};

type RangeJson = Array<[string, string]>;

export const BUNDLED = {
  always: bundledSupplies.always as RangeJson,
  lineOpen: bundledSupplies.lineOpen as RangeJson,
  exemptCategories: bundledSupplies.exemptCategories,
};

/** R-DR-7 codes that bill a drug: their lines always carry an NDC, whatever the catalog kind. */
export const DRUG_CODES: CodeRanges = drugCodes.ranges as RangeJson;

export const PER_DIEM_RANGES: Record<'anyPerDiem' | 'homeInfusionPerDiem', CodeRanges> = {
  anyPerDiem: perDiemRanges.anyPerDiem as RangeJson,
  homeInfusionPerDiem: perDiemRanges.homeInfusionPerDiem as RangeJson,
};

/** R-SU-2: the per diems that include standard TPN components (S9364–S9368). */
export const TPN_PER_DIEMS: CodeRanges = perDiemRanges.tpnPerDiem as RangeJson;

export interface ExclusiveRule {
  id: string;
  codeSet?: string;
  a: CodeRanges;
  /** null: the rule forbids side a alone (R-MX-8) */
  b: CodeRanges | null;
}

export const EXCLUSIVE_RULES: ExclusiveRule[] = exclusiveCodes.rules.map((r) => ({
  id: r.id,
  ...('codeSet' in r && typeof r.codeSet === 'string' ? { codeSet: r.codeSet } : {}),
  a: r.a as RangeJson,
  b: r.b === null ? null : typeof r.b === 'string' ? PER_DIEM_RANGES[r.b as keyof typeof PER_DIEM_RANGES] : (r.b as RangeJson),
}));

export const NURSING = {
  commercial: nursing.commercial,
  medicareHit: {
    subsequent: nursing.medicareHit.subsequent as Record<string, string>,
    initial: nursing.medicareHit.initial as Record<string, string>,
    category2Routes: nursing.medicareHit.category2Routes,
    category3Categories: nursing.medicareHit.category3Categories,
    episodeGapDays: nursing.medicareHit.episodeGapDays,
  },
  medicaidNc: nursing.medicaidNc,
  amphotericinB: nursing.amphotericinB,
};
