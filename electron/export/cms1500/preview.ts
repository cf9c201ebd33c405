// The mark of a draft preview: "PREVIEW - NOT A CLAIM" in white Courier Bold on a black band across
// the top of every page, above the carrier area and every box of the form (geometry in
// resources/cms1500/preview-mark.json), so a preview can never pass for a claim on paper. Unlike the
// red labels it is real text: a portal or OCR reading an uploaded preview sees the mark too, while
// the boxes read exactly as on the printed claim.
import { PDFName, StandardFonts, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import markJson from '../../../resources/cms1500/preview-mark.json' with { type: 'json' };
import { pdfNumber, pdfString, type Offset } from './content.ts';
import type { Rect } from './layout.ts';

export interface PreviewMark {
  text: string;
  fontSize: number;
  band: Rect;
  baseline: number;
  /** x of each copy of the text along the band */
  x: number[];
}

export const PREVIEW_MARK: PreviewMark = markJson;
const FONT = PDFName.of('CourB');

/** The band and its text as PDF content, moved by the printer offset like the data. */
export function previewContent(offset: Offset, mark: PreviewMark = PREVIEW_MARK): string {
  const b = mark.band;
  const ops = [
    'q 0 g',
    `${pdfNumber(b.x0 + offset.x)} ${pdfNumber(b.y0 + offset.y)} ${pdfNumber(b.x1 - b.x0)} ${pdfNumber(b.y1 - b.y0)} re f`,
    `BT /${FONT.decodeText()} ${pdfNumber(mark.fontSize)} Tf 0 Tc 1 g`,
  ];
  for (const x of mark.x) ops.push(`1 0 0 1 ${pdfNumber(x + offset.x)} ${pdfNumber(mark.baseline + offset.y)} Tm ${pdfString(mark.text)} Tj`);
  ops.push('ET Q');
  return ops.join('\n');
}

export class PreviewMarker {
  private constructor(
    private readonly doc: PDFDocument,
    private readonly fontRef: PDFRef,
  ) {}

  static async for(doc: PDFDocument): Promise<PreviewMarker> {
    const font = await doc.embedFont(StandardFonts.CourierBold);
    return new PreviewMarker(doc, font.ref);
  }

  mark(page: PDFPage, offset: Offset): void {
    page.node.setFontDictionary(FONT, this.fontRef);
    page.node.addContentStream(this.doc.context.register(this.doc.context.flateStream(previewContent(offset))));
  }
}
