// CMS-1500 (02/12) pages as PDF: `full` draws the red form with the data in black, `data`
// prints only the data (for pre-printed red forms). Every value at its box from layout.json,
// shifted by the printer offset, in Courier at 10 cpi ("pica"): 12 pt Courier advances exactly
// 7.2 pt. (10 pt with 1.2 pt character spacing prints the same grid, but text extractors such
// as pdf.js then read "D O E" — payer portals that read uploaded PDFs would too.) The page
// content itself is written by content.ts.
import { PDFDocument, rgb } from 'pdf-lib';
import type { Claim } from '../../domain/claims.ts';
import { DEFAULT_PAYER_SETTINGS } from '../../domain/settings.ts';
import type { IsoDateTime } from '../../domain/types.ts';
import { Cms1500Error } from './errors.ts';
import { claimPages, type FormDataset, type PageValues } from './fields.ts';
import { PageWriter, type Offset } from './content.ts';
import { embedForm } from './form.ts';
import { PreviewMarker } from './preview.ts';
import { money } from './format.ts';
import { LAYOUT, field } from './layout.ts';

export type FormMode = 'full' | 'data';
export { FONT_SIZE, type Offset } from './content.ts';

export interface RenderCms1500Input {
  claims: Claim[];
  dataset: FormDataset;
  mode: FormMode;
  offset?: Offset;
  now: IsoDateTime;
  /** a draft preview: every page carries the PREVIEW - NOT A CLAIM mark (preview.ts) */
  preview?: boolean;
  /**
   * Pages to add after each claim's form: R-CO-3 / cob.md §9, each earlier payer's remittance
   * (cob/remittancePages.ts addRemittancePages), which the caller brings so the form writer needs no claim history.
   */
  afterClaim?: (doc: PDFDocument, claim: Claim) => Promise<unknown>;
}

const PRODUCER = 'Perdiem CMS-1500 writer';
const BLACK = rgb(0, 0, 0);

/** `now` as a Date for the metadata: a date-time without a zone is taken as UTC. */
function metadataDate(now: IsoDateTime): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(now) ? `${now}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(now) ? now : `${now}Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Cms1500Error(`'${now}' is not an ISO date-time`);
  return d;
}

/** A document whose bytes depend only on its content and `now` (no clock, no random /ID). */
async function newDocument(title: string, now: IsoDateTime | null): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  if (now !== null) {
    const d = metadataDate(now);
    doc.setCreationDate(d);
    doc.setModificationDate(d);
  }
  return doc;
}

function checkOffset(offset: Offset): Offset {
  if (!Number.isFinite(offset.x) || !Number.isFinite(offset.y) || Math.abs(offset.x) > 72 || Math.abs(offset.y) > 72) {
    throw new Cms1500Error(`printer offset ${offset.x}, ${offset.y} pt is not a number within one inch (72 pt)`);
  }
  return offset;
}

/** The values of each page of one claim, with the payer's `pdfPageTotals` setting. */
export function layoutClaim(claim: Claim, dataset: FormDataset, now: IsoDateTime): PageValues[] {
  const payer = dataset.payers.find((p) => p.id === claim.payer);
  return claimPages(claim, dataset, now, payer?.settings?.pdfPageTotals ?? DEFAULT_PAYER_SETTINGS.pdfPageTotals);
}

/** Every claim on as many pages as it needs (six service lines a page), in the given order. */
export async function renderCms1500(input: RenderCms1500Input): Promise<Uint8Array> {
  if (input.claims.length === 0) throw new Cms1500Error('no claims to print');
  const offset = checkOffset(input.offset ?? { x: 0, y: 0 });
  // all pages are laid out first, so a claim that cannot be printed stops the run before any drawing
  const claims = input.claims.map((claim) => ({ claim, pages: layoutClaim(claim, input.dataset, input.now) }));
  const doc = await newDocument(input.preview ? 'CMS-1500 (02/12) PREVIEW - NOT A CLAIM' : 'CMS-1500 (02/12) claims', input.now);
  const writer = await PageWriter.for(doc, input.mode === 'full' ? await embedForm(doc) : null);
  const marker = input.preview ? await PreviewMarker.for(doc) : null;
  for (const { claim, pages } of claims) {
    for (const values of pages) {
      const page = writer.addPage(values, offset);
      marker?.mark(page, offset);
    }
    await input.afterClaim?.(doc, claim);
  }
  return doc.save({ useObjectStreams: false });
}

/** Values of the calibration page: sample text in boxes spread over the sheet, an X in every check box. */
export function testPageValues(offset: Offset): PageValues {
  const sign = (n: number) => `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(1)}`;
  const v: PageValues = {
    carrier_page: 'PRINTER CALIBRATION',
    carrier_name: `OFFSET X ${sign(offset.x)} PT Y ${sign(offset.y)} PT`,
    carrier_addr1: 'EVERY X MUST SIT IN ITS BOX',
    carrier_addr2: 'AND EVERY + ON ITS CORNER',
    '1a': 'CALIBRATION 1A',
    '2': 'CALIBRATION, ITEM, TWO',
    '3_dob': '01 23 2045',
    '17': 'CALIBRATION SEVENTEEN',
    '21A': 'A000000',
    '24_1_from': '01 23 45',
    '24_1_to': '01 23 45',
    '24_1_cpt': 'S9500',
    '24_1_charges': money(1234567),
    '24_6_from': '01 23 45',
    '24_6_npi': '1234567890',
    '28': money(9999999),
    '33_name': 'CALIBRATION THIRTY THREE',
    '33a': '1234567890',
  };
  for (const [id, f] of Object.entries(LAYOUT.fields)) if (f.kind === 'checkbox') v[id] = 'X';
  return v;
}

/** Crosshair corners of the boxes the calibration page fills (where the red form's rules meet). */
const TEST_PAGE_MARKS = ['1a', '2', '24_1_from', '28', '33a'] as const;

/**
 * A calibration page for pre-printed forms: sample values and check-box X's, plus crosshairs on
 * the lower-left corner of a few boxes, all moved by `offset`. Black only.
 */
export async function renderTestPage(offset: Offset, now: IsoDateTime | null = null): Promise<Uint8Array> {
  checkOffset(offset);
  const doc = await newDocument('CMS-1500 printer calibration', now);
  const page = (await PageWriter.for(doc, null)).addPage(testPageValues(offset), offset);
  for (const id of TEST_PAGE_MARKS) {
    const r = field(id).rect;
    const x = r.x0 + offset.x;
    const y = r.y0 + offset.y;
    page.drawLine({ start: { x: x - 6, y }, end: { x: x + 6, y }, thickness: 0.4, color: BLACK });
    page.drawLine({ start: { x, y: y - 6 }, end: { x, y: y + 6 }, thickness: 0.4, color: BLACK });
  }
  return doc.save({ useObjectStreams: false });
}
