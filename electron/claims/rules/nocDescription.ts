// R-CL-12 NOC descriptions (all payers: HCSC's "Unlisted/Not Otherwise Classified (NOC) Coding
// Policy" [HC13], WellCare's "Unlisted Procedure or Service" [WC13]; the TR3 wants SV101-7 for a
// non-specific code). A line of a code in resources/codes/nocCodes.json carries a description: a
// drug or supply line its product's name; a per diem `PER DIEM ` + the first drug's name (the
// category id without a drug). Upper case, only A–Z 0–9 space . % -, spaces collapsed.
import nocCodes from '../../../resources/codes/nocCodes.json' with { type: 'json' };
import type { EngineContext } from '../context.ts';
import type { Fact } from '../types.ts';

const NOC: ReadonlySet<string> = new Set(nocCodes.codes);
const MAX_DESCRIPTION = 80; // SV101-7

export function lineText(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9 .%-]/g, ' ').replace(/ +/g, ' ').trim();
}

export function nocDescription(ctx: EngineContext, f: Fact): string | null {
  if (!NOC.has(f.code)) return null;
  let text: string;
  if (f.kind === 'perDiem') {
    const first = f.therapy.drugs[0];
    const product = first ? ctx.products.get(first.ndc) : undefined;
    text = `PER DIEM ${product ? product.name : f.therapy.category}`;
  } else if (f.product) text = f.product.name;
  else return null;
  return lineText(text).slice(0, MAX_DESCRIPTION).trim() || null;
}

/** Sets the description of every NOC fact. */
export function describeNocLines(ctx: EngineContext, facts: readonly Fact[]): void {
  for (const f of facts) f.description = nocDescription(ctx, f);
}
