// R-CO-3 / cob.md §9: the earlier payers' remittance for a claim, as a readable page after its
// CMS-1500 ("attach the primary's EOB"). Built from the adjudication the claim carries, so the
// page and items 9–11d come from the same facts; CARCs and RARCs in words.
import type { PDFDocument } from 'pdf-lib';
import type { Claim } from '../domain/claims.ts';
import type { PriorAdjustment, PriorPayerAdjudication } from '../domain/priorPayers.ts';
import type { Payer } from '../domain/types.ts';
import { dollars } from '../domain/money.ts';
import { explain } from '../receive/reasonCodes.ts';
import { columns, TextPages } from './pdfText.ts';

const WIDTHS = [4, 21, 14, 10, 10, 10, 10];

const adj = (a: PriorAdjustment): string => `${a.group}-${a.reason} ${dollars(a.cents)}`;

/** The lines of one payer's remittance page, as text (also what a test or a preview shows). */
export function remittanceText(claim: Claim, prior: PriorPayerAdjudication, payer: Payer | undefined): string[] {
  const out: string[] = [
    `Payer: ${payer?.name ?? prior.payer}${payer?.payerId ? ` (payer ID ${payer.payerId})` : ''}`,
    `Our claim ${prior.claimId}   payer claim number ${prior.payerClaimNumber ?? '-'}   remittance date ${prior.adjudicatedOn}`,
    `Billed ${dollars(claim.totalCents)}   paid ${dollars(prior.paidCents)}   patient responsibility ${dollars(prior.remainingPatientCents)}`,
    '',
    columns(['Line', 'Date', 'Procedure', { right: 'Billed' }, { right: 'Paid' }, { right: 'Adjusted' }, { right: 'Patient' }], WIDTHS),
  ];
  const codes = new Map<string, string>();
  const note = (a: PriorAdjustment) => codes.set(`${a.group}-${a.reason}`, explain(a.group, a.reason).words);
  for (const l of prior.lines) {
    const line = claim.lines[l.line - 1];
    const adjusted = l.adjustments.filter((a) => a.group !== 'PR').reduce((s, a) => s + a.cents, 0);
    out.push(columns([String(l.line), line ? (line.from === line.to ? line.from : `${line.from}..${line.to}`) : '', [l.code, ...l.modifiers].join('-'),
      { right: dollars(line?.chargeCents ?? 0) }, { right: dollars(l.paidCents) }, { right: dollars(adjusted) }, { right: dollars(l.remainingPatientCents) }], WIDTHS));
    if (l.adjustments.length) out.push(`      ${l.adjustments.map(adj).join('  ')}`);
    l.adjustments.forEach(note);
  }
  if (prior.lines.length === 0) out.push('      (answered at claim level only: no line detail)');
  if (prior.adjustments.length) out.push('', `Claim adjustments: ${prior.adjustments.map(adj).join('  ')}`);
  prior.adjustments.forEach(note);
  if (prior.remarks.length) out.push(`Remarks: ${prior.remarks.map((r) => explain('RARC', r).words).join('; ')}`);
  if (codes.size) out.push('', 'Reason codes:', ...[...codes.values()].map((w) => `  ${w}`));
  return out;
}

/** One page (more if long) per earlier payer, after the claim's form pages. */
export async function addRemittancePages(doc: PDFDocument, claim: Claim, payers: readonly Payer[]): Promise<number> {
  const priors = claim.priorPayers ?? [];
  if (priors.length === 0) return 0;
  const before = doc.getPageCount();
  const pages = await TextPages.for(doc);
  for (const prior of priors) {
    pages.newPage(`Remittance for claim ${claim.id}: ${prior.priority === 1 ? 'primary' : prior.priority === 2 ? 'secondary' : 'tertiary'} payer's adjudication`);
    for (const line of remittanceText(claim, prior, payers.find((p) => p.id === prior.payer))) pages.write(line);
  }
  return doc.getPageCount() - before;
}
