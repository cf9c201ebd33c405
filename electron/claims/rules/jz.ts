// R-DR-6 With `wasteModifiers: JW+JZ`, a single-dose drug line with no JW line gets JZ
// (JW and JZ never share a line).
import type { PayerSettings } from '../../domain/types.ts';

export function noWasteModifier(settings: PayerSettings, singleDose: boolean, hasWasteLine: boolean): 'JZ' | null {
  return settings.wasteModifiers === 'JW+JZ' && singleDose && !hasWasteLine ? 'JZ' : null;
}
