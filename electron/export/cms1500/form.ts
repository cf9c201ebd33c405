// The red 02/12 form for the full-replica mode, drawn once per document as a Form XObject from
// resources/cms1500/form.json (rules, shading, labels) and the check boxes of layout.json.
// Labels are vector outlines (label-glyphs.json), not text: text extraction — the payer's OCR,
// pdftotext, our tests — sees only the black data.
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  drawSvgPath,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFEmbeddedPage,
  type PDFName,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import formJson from '../../../resources/cms1500/form.json' with { type: 'json' };
import glyphJson from '../../../resources/cms1500/label-glyphs.json' with { type: 'json' };
import { LAYOUT, type Layout } from './layout.ts';

type Segment = [number, number, number, number];
type Label = [number, number, number, string];

interface FormSpec {
  color: [number, number, number];
  shade: [number, number, number];
  ruleWidth: number;
  outerWidth: number;
  outer: Segment[];
  rules: Segment[];
  dotted: Segment[];
  labels: Label[];
  serviceLine: {
    count: number;
    pitch: number;
    /** the heavier rule between service lines */
    ruleWidth: number;
    shaded: Segment[];
    rules: Segment[];
    dotted: Segment[];
    labels: Label[];
    numbers: [number, number, number];
  };
}

interface Glyphs {
  unitsPerEm: number;
  glyphs: Record<string, { w: number; d: string }>;
}

const FORM = formJson as unknown as FormSpec;
const GLYPHS = glyphJson as Glyphs;

function colour(c: [number, number, number]): RGB {
  return rgb(c[0], c[1], c[2]);
}

function down(s: Segment, dy: number): Segment {
  return [s[0], s[1] - dy, s[2], s[3] - dy];
}

/**
 * Labels as filled glyph outlines. Each character's outline is one small Form XObject of the
 * page (drawn once, placed many times), which keeps the form compact and quick to build.
 */
class LabelPainter {
  private readonly names = new Map<string, PDFName>();

  constructor(
    private readonly page: PDFPage,
    private readonly color: RGB,
  ) {}

  private glyph(ch: string): PDFName | null {
    const known = this.names.get(ch);
    if (known) return known;
    const g = GLYPHS.glyphs[ch];
    if (!g?.d) return null;
    const context = this.page.doc.context;
    const ops = drawSvgPath(g.d, { x: 0, y: 0, scale: 1, color: this.color, borderColor: undefined, borderWidth: 0 });
    const em = GLYPHS.unitsPerEm;
    const xobject = context.formXObject(ops, { BBox: context.obj([-em, -em, 2 * em, 2 * em]) });
    const name = this.page.node.newXObject('G', context.register(xobject));
    this.names.set(ch, name);
    return name;
  }

  draw([x, y, size, text]: Label): void {
    const scale = size / GLYPHS.unitsPerEm;
    let at = x;
    for (const ch of text) {
      const name = this.glyph(ch);
      if (name) {
        this.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, at, y), drawObject(name), popGraphicsState());
      }
      at += (GLYPHS.glyphs[ch] ?? GLYPHS.glyphs[' ']!).w * scale;
    }
  }
}

/** Width in points of a label (for tests and layout checks). */
export function labelWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (GLYPHS.glyphs[ch] ?? GLYPHS.glyphs[' ']!).w;
  return (w * size) / GLYPHS.unitsPerEm;
}

function drawForm(page: PDFPage, layout: Layout): void {
  const red = colour(FORM.color);
  const labels = new LabelPainter(page, red);
  const line = (s: Segment, thickness: number, dashArray?: number[]) =>
    page.drawLine({ start: { x: s[0], y: s[1] }, end: { x: s[2], y: s[3] }, thickness, color: red, dashArray });
  const sl = FORM.serviceLine;
  for (let k = 0; k < sl.count; k++) {
    for (const [x0, y0, x1, y1] of sl.shaded.map((s) => down(s, k * sl.pitch))) {
      page.drawRectangle({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, color: colour(FORM.shade) });
    }
  }
  for (const [x0, y0, x1, y1] of FORM.outer) {
    page.drawRectangle({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, borderColor: red, borderWidth: FORM.outerWidth });
  }
  for (const s of FORM.rules) line(s, FORM.ruleWidth);
  for (const s of FORM.dotted) line(s, FORM.ruleWidth / 2, [1, 1.5]);
  for (let k = 0; k < sl.count; k++) {
    const dy = k * sl.pitch;
    for (const s of sl.rules) line(down(s, dy), sl.ruleWidth);
    for (const s of sl.dotted) line(down(s, dy), FORM.ruleWidth / 2, [1, 1.5]);
    for (const [x, y, size, text] of sl.labels) labels.draw([x, y - dy, size, text]);
    const [nx, ny, nsize] = sl.numbers;
    labels.draw([nx, ny - dy, nsize, String(k + 1)]);
  }
  for (const f of Object.values(layout.fields)) {
    if (f.kind !== 'checkbox') continue;
    const r = f.rect;
    page.drawRectangle({ x: r.x0, y: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0, borderColor: red, borderWidth: FORM.ruleWidth });
  }
  for (const label of FORM.labels) labels.draw(label);
}

let template: Promise<PDFPage> | null = null;

/** The form, drawn once per process on a page of its own document; every export copies it. */
function formTemplate(): Promise<PDFPage> {
  template ??= (async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([612, 792]);
    drawForm(page, LAYOUT);
    return page;
  })();
  return template;
}

/** The red form as one reusable Form XObject of `doc` (placed on every page). */
export async function embedForm(doc: PDFDocument): Promise<PDFEmbeddedPage> {
  return doc.embedPage(await formTemplate());
}
