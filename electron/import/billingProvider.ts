// What the 837P needs from the office, checked when it is entered (import, first run and the
// settings forms all save through parseDataset) instead of when the export refuses weeks later:
// the billing provider (2010AA) has a street address with all 9 ZIP digits, and the clearinghouse
// ids fit the envelope (ISA06/ISA08 and GS02/GS03: 2–15 characters; NM109: 2–80). NPI (check
// digit), tax id (9-digit EIN) and taxonomy (NUCC shape) are checked by the import schemas.
import type { Clearinghouse, Organization } from '../domain/types.ts';
import { idProblem } from '../export/x12/text.ts';
import { LEN } from '../export/x12/limits.ts';
import { poBox } from '../export/x12/loops-header.ts';

/** `path: message` problems, each naming its field; none for a section the file does not hold. */
export function billingProviderProblems(org: Organization | null, ch: Clearinghouse | null): string[] {
  const problems: string[] = [];
  if (org) {
    const a = org.address;
    if (!a) problems.push('organization.address: is required: the 837P billing provider (2010AA) needs its street address');
    else {
      if (!/^\d{9}$/.test(a.zip)) problems.push(`organization.address.zip: '${a.zip}' has 5 digits; the 837P billing provider needs all 9 (ZIP+4)`);
      for (const [field, line] of [['line1', a.line1], ['line2', a.line2]] as const) {
        if (line && poBox(line)) {
          problems.push(`organization.address.${field}: '${line}' is a PO box; the 837P billing provider needs a street address`);
        }
      }
    }
  }
  if (ch) {
    for (const [field, max] of [['senderId', LEN.application], ['receiverId', LEN.application], ['submitterId', LEN.idCode]] as const) {
      const problem = idProblem(ch[field].trim(), max, 2);
      if (problem) problems.push(`clearinghouse.${field}: ${problem}`);
    }
  }
  return problems;
}
