// R-DR-8 Multi-ingredient drugs: each NDC on its own line; with `compoundKpKq` the first
// ingredient gets KP and the others KQ (also on their JW lines), before JW/JZ.
import type { PayerSettings } from '../../domain/types.ts';

export function compoundModifier(settings: PayerSettings, drugCount: number, drugIndex: number): 'KP' | 'KQ' | null {
  if (!settings.compoundKpKq || drugCount < 2) return null;
  return drugIndex === 0 ? 'KP' : 'KQ';
}
