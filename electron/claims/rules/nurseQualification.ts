// R-NV-3 With `nursingRnOnly` (default), 99601/99602 need an RN; the lines stay, with an error.
import type { Nurse, PayerSettings } from '../../domain/types.ts';

export function nurseQualified(nurse: Nurse | undefined, settings: PayerSettings): boolean {
  return !settings.nursingRnOnly || nurse?.credential === 'RN';
}
