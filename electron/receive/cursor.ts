// Walks the body of one transaction set segment by segment; readers take segments by id and
// qualifier so an unexpected segment is reported where it stands.
import { X12ReadError } from './readError.ts';
import { el, type RawSegment } from './tokens.ts';

export class Cursor {
  private i = 0;
  constructor(
    private readonly segs: readonly RawSegment[],
    /** the ST, named when the set ends too early */
    private readonly st: RawSegment,
  ) {}

  peek(): RawSegment | undefined {
    return this.segs[this.i];
  }

  /** Steps past the segment `peek` gave. */
  skip(): void {
    this.i++;
  }

  /** The next segment if it has this id (and, when given, X01 among the qualifiers). */
  is(id: string, ...qualifiers: string[]): boolean {
    const s = this.segs[this.i];
    return s !== undefined && s.id === id && (qualifiers.length === 0 || qualifiers.includes(el(s, 1)));
  }

  take(id: string, ...qualifiers: string[]): RawSegment | null {
    return this.is(id, ...qualifiers) ? this.segs[this.i++]! : null;
  }

  /** The next segment, which must have this id (and qualifier). */
  need(id: string, what: string, ...qualifiers: string[]): RawSegment {
    const s = this.peek();
    if (s && this.is(id, ...qualifiers)) return this.segs[this.i++]!;
    const want = qualifiers.length ? `${id}*${qualifiers.join('|')}` : id;
    if (!s) throw new X12ReadError('SE', this.st.position + this.segs.length + 1, `the transaction set opened at segment ${this.st.position} ends where ${want} (${what}) is required`);
    throw new X12ReadError(s.id, s.position, `${want} (${what}) expected here, found ${s.id}${el(s, 1) ? '*' + el(s, 1) : ''}`);
  }

  /** Skips segments this reader does not use until one of `ids` (or the end). */
  skipUntil(...ids: string[]): RawSegment[] {
    const skipped: RawSegment[] = [];
    while (this.peek() && !ids.includes(this.peek()!.id)) skipped.push(this.segs[this.i++]!);
    return skipped;
  }

  done(): boolean {
    return this.i >= this.segs.length;
  }

  /** Throws when segments are left that no loop accepted. */
  end(what: string): void {
    const s = this.peek();
    if (s) throw new X12ReadError(s.id, s.position, `unexpected ${s.id} in ${what}`);
  }
}
