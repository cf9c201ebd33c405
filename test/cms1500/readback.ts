// Reads generated pages back with pdf.js and answers "what text lies in this box?" from the
// glyph positions, independently of the writer's own field values.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LAYOUT, type Rect } from '../../electron/export/cms1500/layout.ts';

export interface Glyph {
  ch: string;
  /** left edge of the character cell */
  x: number;
  baseline: number;
  size: number;
}

/** Every printed character of every page, split out of pdf.js text items (Courier is monospaced). */
export async function readGlyphs(bytes: Uint8Array): Promise<Glyph[][]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: Glyph[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const glyphs: Glyph[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      if (b !== 0 || c !== 0 || a !== d) throw new Error(`text '${item.str}' is scaled or rotated`);
      const pitch = item.width / item.str.length;
      [...item.str].forEach((ch, i) => {
        if (ch !== ' ') glyphs.push({ ch, x: e! + i * pitch, baseline: f!, size: a! });
      });
    }
    pages.push(glyphs);
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** Cap height of Courier, as a share of the font size (a glyph must fit in the box's band). */
const CAP = 0.6;
const EPS = 0.01;

export function inside(g: Glyph, r: Rect, pitch = LAYOUT.pitch): boolean {
  return g.x >= r.x0 - EPS && g.x + pitch <= r.x1 + EPS && g.baseline >= r.y0 - EPS && g.baseline + CAP * g.size <= r.y1 + EPS;
}

/** The text whose character cells lie wholly inside the rectangle, blanks restored from the gaps. */
export function textIn(glyphs: Glyph[], r: Rect, pitch = LAYOUT.pitch): string {
  const hits = glyphs.filter((g) => inside(g, r, pitch)).sort((a, b) => b.baseline - a.baseline || a.x - b.x);
  let out = '';
  hits.forEach((g, i) => {
    const prev = hits[i - 1];
    if (prev && prev.baseline !== g.baseline) out += '\n';
    else if (prev) out += ' '.repeat(Math.max(0, Math.round((g.x - prev.x) / pitch) - 1));
    out += g.ch;
  });
  return out;
}

/** Value of each listed field on a page, read from the glyphs. */
export function boxes(glyphs: Glyph[], ids: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const f = LAYOUT.fields[id];
    if (!f) throw new Error(`no field ${id}`);
    out[id] = textIn(glyphs, f.rect);
  }
  return out;
}

/** Glyphs that lie in none of the given fields' boxes (stray or misplaced text). */
export function stray(glyphs: Glyph[], ids: Iterable<string>): Glyph[] {
  const rects = [...ids].map((id) => LAYOUT.fields[id]!.rect);
  return glyphs.filter((g) => !rects.some((r) => inside(g, r)));
}
