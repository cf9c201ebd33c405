// R-CO-4: patient statements as one PDF, a statement (one page or more) per patient and month,
// printable as a batch. Plain Courier text so it prints on any printer and reads back as text.
import { PDFDocument } from 'pdf-lib';
import type { IsoDateTime, Organization } from '../domain/types.ts';
import type { AppliedPayment } from '../domain/patientPayments.ts';
import { dollars } from '../domain/money.ts';
import { columns, TextPages } from './pdfText.ts';
import type { Statement } from './statement.ts';

const WIDTHS = [23, 14, 30, 10, 10];
/** payer, adjustment and balance rows: one wide text column, then Billed and Paid */
const WIDE = [WIDTHS[0]! + WIDTHS[1]! + WIDTHS[2]! + 2, WIDTHS[3]!, WIDTHS[4]!];

/** "check 1042", "cash" */
const paymentWords = (p: AppliedPayment): string => (p.reference ? `${p.method} ${p.reference}` : p.method);

/** A statement's lines, as printed (also what a test or a screen preview reads). */
export function statementText(s: Statement, org: Organization): string[] {
  const p = s.patient;
  const a = p.address;
  const out: string[] = [
    `${org.name}${org.phone ? `   phone ${org.phone}` : ''}`,
    '',
    [p.firstName, p.middle, p.lastName].filter(Boolean).join(' '),
    ...(a ? [[a.line1, a.line2].filter(Boolean).join(' '), `${a.city} ${a.state} ${a.zip}`] : []),
    `Account ${p.id}   services in ${s.month}   statement date ${s.asOf}`,
    '',
    columns(['Dates of service', 'Claim', 'Payer', { right: 'Billed' }, { right: 'Paid' }], WIDTHS),
  ];
  for (const r of s.rows) {
    const dates = r.from === r.to ? r.from : `${r.from}..${r.to}`;
    out.push(columns([dates, r.claimId, '', { right: dollars(r.chargeCents) }, { right: '' }], WIDTHS));
    for (const py of r.payers) out.push(columns([`    paid by ${py.name} on ${py.adjudicatedOn}`, { right: '' }, { right: dollars(py.paidCents) }], WIDE));
    for (const pp of r.patientPayments) out.push(columns([`    paid by you on ${pp.receivedOn} (${paymentWords(pp)})`, { right: '' }, { right: dollars(pp.cents) }], WIDE));
    if (r.pending) out.push(`    pending: ${r.pending}`);
    else out.push(columns(['    adjustments', { right: '' }, { right: dollars(r.adjustedCents) }], WIDE), columns(['    you owe', { right: '' }, { right: dollars(r.owedCents) }], WIDE));
  }
  const t = s.totals;
  out.push(
    '',
    `Billed ${dollars(t.chargeCents)}   insurance paid ${dollars(t.paidByPayersCents)}   adjustments ${dollars(t.adjustedCents)}${t.paidByPatientCents ? `   you paid ${dollars(t.paidByPatientCents)}` : ''}`,
    `AMOUNT DUE ${dollars(t.owedCents)}`,
    '',
    `Aging: current ${dollars(s.aging.current)}   31-60 days ${dollars(s.aging.days31to60)}   61-90 days ${dollars(s.aging.days61to90)}   over 90 days ${dollars(s.aging.over90)}`,
    'Your insurance has processed these services; the amount due is your share under your plans.',
  );
  return out;
}

/** Every statement in one document, each starting on a new page. */
export async function renderStatements(list: readonly Statement[], org: Organization, now: IsoDateTime): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Patient statements');
  doc.setProducer('Perdiem statements');
  doc.setCreationDate(new Date(/Z|[+-]\d\d:?\d\d$/.test(now) ? now : `${now}Z`));
  const pages = await TextPages.for(doc);
  for (const s of list) {
    pages.newPage(`PATIENT STATEMENT ${s.patient.lastName.toUpperCase()}, ${s.patient.firstName.toUpperCase()} ${s.month}`);
    for (const line of statementText(s, org)) pages.write(line);
  }
  return doc.save({ useObjectStreams: false });
}
