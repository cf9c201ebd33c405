// R-DR-5 Wastage of single-dose containers (§10 formula, for one day):
// containers = Σ doses ceil(dose ÷ (container size × drug per NDC unit));
// wasted units = floor(containers × container × drug per NDC unit ÷ HCPCS unit) − administered units;
// a JW line only when at least one unit is wasted, with NDC quantity = containers × container −
// administered NDC quantity. Never for multi-dose containers.
import type { Quantity } from '../../domain/types.ts';
import { ratio, scale } from '../measures.ts';
import { ceilSafe, floorSafe, round3 } from '../numbers.ts';

export interface WasteInput {
  dose: Quantity;
  dosesPerDay: number;
  singleDose: boolean;
  containerSize: number;
  drugPerNdcUnit: Quantity;
  hcpcsUnit: Quantity;
  administeredUnits: number;
  administeredNdcQty: number;
}

export function waste(input: WasteInput): { units: number; ndcQty: number } | null {
  if (!input.singleDose || input.dosesPerDay <= 0 || !(input.containerSize > 0)) return null;
  const container = scale(input.drugPerNdcUnit, input.containerSize);
  const perDose = ratio(input.dose, container);
  if (perDose === null || perDose <= 0) return null;
  const containers = input.dosesPerDay * ceilSafe(perDose);
  const openedUnits = ratio(scale(container, containers), input.hcpcsUnit);
  if (openedUnits === null) return null;
  const units = floorSafe(openedUnits) - input.administeredUnits;
  if (units < 1) return null;
  return { units, ndcQty: round3(containers * input.containerSize - input.administeredNdcQty) };
}
