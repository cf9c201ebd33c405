// Reads the preview mark back: its text from the pdf.js glyphs, its black band from each page's
// own content streams (the red form is a Form XObject and never appears there).
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import type { Rect } from '../../electron/export/cms1500/layout.ts';
import type { Glyph } from './readback.ts';

const PITCH = 7.2;

/** Phrases of the given glyphs, line by line: blanks restored from the gaps, a wide gap ends a phrase. */
export function markText(glyphs: Glyph[]): string[] {
  const sorted = [...glyphs].sort((a, b) => b.baseline - a.baseline || a.x - b.x);
  const phrases: string[] = [];
  sorted.forEach((g, i) => {
    const prev = sorted[i - 1];
    const blanks = prev && prev.baseline === g.baseline ? Math.round((g.x - prev.x) / PITCH) - 1 : Infinity;
    if (blanks > 3) phrases.push(g.ch);
    else phrases[phrases.length - 1] += ' '.repeat(blanks) + g.ch;
  });
  return phrases;
}

/** Rectangles filled in black by the pages' content, one list entry per rectangle, page by page. */
export async function markBands(bytes: Uint8Array): Promise<Rect[]> {
  const doc = await PDFDocument.load(bytes);
  const bands: Rect[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      for (const m of text.matchAll(/\b0 g\s+([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re f\b/g)) {
        const [x, y, w, h] = m.slice(1).map(Number) as [number, number, number, number];
        bands.push({ x0: x, y0: y, x1: x + w, y1: y + h });
      }
    }
  }
  return bands;
}
