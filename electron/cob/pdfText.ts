// Plain text pages with pdf-lib for what goes with a claim or to a patient: the earlier payer's
// remittance after a CMS-1500 (R-CO-3, cob.md §9) and patient statements (R-CO-4). One font,
// lines written top-down, a new page when one is full, only WinAnsi characters.
import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

const LETTER: [number, number] = [612, 792];
const MARGIN = 54;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);

/** What the standard fonts can encode: printable ASCII; anything else becomes '?'. */
export function printable(text: string): string {
  return text.replace(/[^\x20-\x7E]/g, '?');
}

export class TextPages {
  private page: PDFPage | null = null;
  private y = 0;
  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    /** printed at the top of every page this writer adds */
    private header: string,
  ) {}

  static async for(doc: PDFDocument): Promise<TextPages> {
    return new TextPages(doc, await doc.embedFont(StandardFonts.Courier), await doc.embedFont(StandardFonts.CourierBold), '');
  }

  /** Starts a new page (and sets the header repeated on pages that overflow from it). */
  newPage(header: string): void {
    this.header = header;
    this.page = this.doc.addPage(LETTER);
    this.y = LETTER[1] - MARGIN;
    this.write(header, { bold: true, size: 12 });
    this.gap();
  }

  gap(points = 6): void {
    this.y -= points;
  }

  /** One line, wrapped at words to the page width (Courier: 0.6 em a character), continuations indented. */
  write(text: string, opts: { bold?: boolean; size?: number; grey?: boolean } = {}): void {
    const size = opts.size ?? 9;
    const width = Math.floor((LETTER[0] - 2 * MARGIN) / (0.6 * size));
    for (const piece of wrap(printable(text), width)) {
      if (!this.page || this.y - size < MARGIN) this.newPage(`${this.header} (continued)`.replace(/( \(continued\))+$/, ' (continued)'));
      this.y -= size + 3;
      this.page!.drawText(piece, { x: MARGIN, y: this.y, size, font: opts.bold ? this.bold : this.regular, color: opts.grey ? GREY : BLACK });
    }
  }
}

/** Fixed-width columns: text left, money right. */
export function columns(cells: readonly (string | { right: string })[], widths: readonly number[]): string {
  return cells
    .map((c, i) => {
      const w = widths[i] ?? 10;
      return typeof c === 'string' ? c.slice(0, w).padEnd(w) : c.right.slice(-w).padStart(w);
    })
    .join(' ')
    .trimEnd();
}

/** Lines of at most `width` characters, broken at spaces; continuation lines indented by the text's own indent + 4. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const indent = ' '.repeat((/^ */.exec(text)?.[0].length ?? 0) + 4);
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > indent.length ? cut : width;
    out.push(rest.slice(0, at).trimEnd());
    rest = indent + rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}
