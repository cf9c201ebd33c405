// Writes a page's content stream directly: one text object in Courier with a text matrix per
// value, and the red form placed as a Form XObject. pdf-lib's drawText validates options and
// builds operator objects for every value; at 60 values a page and thousands of pages that
// dominated the export, so the page text is written here as plain PDF syntax.
import { PDFName, StandardFonts, type PDFDocument, type PDFEmbeddedPage, type PDFPage, type PDFRef } from 'pdf-lib';
import type { PageValues } from './fields.ts';
import { LAYOUT, field, textX } from './layout.ts';

/** Printer offset in points: positive x moves right, positive y moves up. */
export interface Offset {
  x: number;
  y: number;
}

/** 12 pt Courier advances 0.6 em = 7.2 pt: exactly the form's 10 cpi grid. */
export const FONT_SIZE = 12;
/** Any difference between Courier's advance and the grid pitch (0 at 12 pt). */
const CHARACTER_SPACING = Math.round((LAYOUT.pitch - 0.6 * FONT_SIZE) * 1000) / 1000;
const FONT = PDFName.of('Cour');
const FORM = PDFName.of('RedForm');

/** A number as PDF syntax: at most 3 decimals, no exponent, no trailing zeros. */
export function pdfNumber(n: number): string {
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' || s === '' ? '0' : s;
}

/** A PDF literal string; values are printable ASCII already (format.ts), anything else becomes '?'. */
export function pdfString(text: string): string {
  return `(${text.replace(/[^\x20-\x7E]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The text object of one page: every value at its field, moved by the offset, in black. */
function valuesContent(values: PageValues, offset: Offset): string {
  const ops = [`BT /${FONT.decodeText()} ${FONT_SIZE} Tf ${pdfNumber(CHARACTER_SPACING)} Tc 0 g`];
  for (const [id, text] of Object.entries(values)) {
    const f = field(id);
    ops.push(`1 0 0 1 ${pdfNumber(textX(f, text) + offset.x)} ${pdfNumber(f.baseline + offset.y)} Tm ${pdfString(text)} Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}

export class PageWriter {
  private constructor(
    private readonly doc: PDFDocument,
    private readonly fontRef: PDFRef,
    private readonly form: PDFEmbeddedPage | null,
  ) {}

  static async for(doc: PDFDocument, form: PDFEmbeddedPage | null): Promise<PageWriter> {
    const font = await doc.embedFont(StandardFonts.Courier);
    return new PageWriter(doc, font.ref, form);
  }

  /** Adds a US Letter page with the form (if any) and the values, all moved by the offset. */
  addPage(values: PageValues, offset: Offset): PDFPage {
    const page = this.doc.addPage([612, 792]);
    page.node.setFontDictionary(FONT, this.fontRef);
    let content = '';
    if (this.form) {
      page.node.setXObject(FORM, this.form.ref);
      content = `q 1 0 0 1 ${pdfNumber(offset.x)} ${pdfNumber(offset.y)} cm /${FORM.decodeText()} Do Q\n`;
    }
    content += valuesContent(values, offset);
    page.node.addContentStream(this.doc.context.register(this.doc.context.flateStream(content)));
    return page;
  }
}
