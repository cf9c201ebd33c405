// R-DR-8 Multi-ingredient drugs: each NDC on its own line; with `compoundKpKq` the first
// ingredient gets KP and the others KQ (also on their JW lines), before JW/JZ. With `"paper"`
// (AllWays: "Submitting a paper claim: … Enter modifier KP" [AW6]) the claim lines carry none and
// only the CMS-1500 writer prints them (paperCompoundModifier).
import type { PayerSettings } from '../../domain/types.ts';

function kpKq(drugCount: number, drugIndex: number): 'KP' | 'KQ' | null {
  if (drugCount < 2) return null;
  return drugIndex === 0 ? 'KP' : 'KQ';
}

/** The modifier on the claim line (837P and store). */
export function compoundModifier(settings: PayerSettings, drugCount: number, drugIndex: number): 'KP' | 'KQ' | null {
  return settings.compoundKpKq === true ? kpKq(drugCount, drugIndex) : null;
}

/** The modifier only the CMS-1500 prints, for `compoundKpKq: "paper"`. */
export function paperCompoundModifier(settings: PayerSettings, drugCount: number, drugIndex: number): 'KP' | 'KQ' | null {
  return settings.compoundKpKq === 'paper' ? kpKq(drugCount, drugIndex) : null;
}
