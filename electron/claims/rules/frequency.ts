// R-CL-9 Claim frequency: original 1; a replacement (7) or void (8) carries the payer's claim
// control number of the original (REF*F8, CMS-1500 item 22).
import type { Claim } from '../../domain/claims.ts';

export function correctionOf(original: Claim, frequency: '7' | '8', payerClaimNumber: string, newId: string): Claim {
  if (!payerClaimNumber.trim()) throw new Error(`A ${frequency === '7' ? 'replacement' : 'void'} claim needs the payer's claim control number of claim ${original.id}`);
  return {
    ...original,
    id: newId,
    frequency,
    originalClaimNumber: payerClaimNumber.trim(),
    status: 'draft',
    lines: original.lines.map((l) => ({ ...l, modifiers: [...l.modifiers], pointers: [...l.pointers], sourceKeys: [...l.sourceKeys] })),
  };
}
