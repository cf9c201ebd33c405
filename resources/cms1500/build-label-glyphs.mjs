// Regenerates label-glyphs.json: outlines of printable ASCII from Liberation Sans Regular
// (SIL Open Font License; shipped in pdfjs-dist/standard_fonts) as SVG path data.
// The full-replica CMS-1500 draws its red labels with these paths instead of text, so that
// text extraction (payer OCR, pdftotext, check.py) only ever sees the black claim data.
//
//   node resources/cms1500/build-label-glyphs.mjs
//
// Paths are in font units with y pointing down (pdf-lib's drawSvgPath flips it back).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fontPath = path.join(here, '../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const buf = fs.readFileSync(fontPath);
const u16 = (o) => buf.readUInt16BE(o);
const i16 = (o) => buf.readInt16BE(o);
const u32 = (o) => buf.readUInt32BE(o);

const tables = {};
for (let i = 0, n = u16(4); i < n; i++) {
  const rec = 12 + 16 * i;
  tables[buf.toString('latin1', rec, rec + 4)] = u32(rec + 8);
}
const head = tables.head;
const unitsPerEm = u16(head + 18);
const longLoca = i16(head + 50) === 1;
const numHMetrics = u16(tables.hhea + 34);

function glyphIndex(code) {
  const cmap = tables.cmap;
  for (let i = 0, n = u16(cmap + 2); i < n; i++) {
    const platform = u16(cmap + 4 + 8 * i);
    const encoding = u16(cmap + 6 + 8 * i);
    const sub = cmap + u32(cmap + 8 + 8 * i);
    if (platform !== 3 || encoding !== 1 || u16(sub) !== 4) continue;
    const segX2 = u16(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const offsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      if (u16(ends + 2 * s) < code) continue;
      if (u16(starts + 2 * s) > code) return 0;
      const ro = u16(offsets + 2 * s);
      if (ro === 0) return (code + i16(deltas + 2 * s)) & 0xffff;
      const g = u16(offsets + 2 * s + ro + 2 * (code - u16(starts + 2 * s)));
      return g === 0 ? 0 : (g + i16(deltas + 2 * s)) & 0xffff;
    }
  }
  return 0;
}

const locaAt = (g) => (longLoca ? u32(tables.loca + 4 * g) : 2 * u16(tables.loca + 2 * g));
const advance = (g) => u16(tables.hmtx + 4 * Math.min(g, numHMetrics - 1));

/** Simple-glyph contours as [{x, y, on}] lists (composite glyphs are not needed for ASCII). */
function contours(g) {
  const start = locaAt(g);
  if (locaAt(g + 1) === start) return [];
  const at = tables.glyf + start;
  const n = i16(at);
  if (n < 0) throw new Error(`glyph ${g} is composite`);
  const endPts = [];
  for (let i = 0; i < n; i++) endPts.push(u16(at + 10 + 2 * i));
  const count = endPts[n - 1] + 1;
  let p = at + 10 + 2 * n;
  p += 2 + u16(p);
  const flags = [];
  while (flags.length < count) {
    const f = buf[p++];
    flags.push(f);
    if (f & 8) for (let r = buf[p++]; r > 0; r--) flags.push(f);
  }
  const coord = (shortBit, sameBit) => {
    const out = [];
    let v = 0;
    for (const f of flags) {
      if (f & shortBit) v += f & sameBit ? buf[p++] : -buf[p++];
      else if (!(f & sameBit)) { v += i16(p); p += 2; }
      out.push(v);
    }
    return out;
  };
  const xs = coord(2, 16);
  const ys = coord(4, 32);
  const result = [];
  let first = 0;
  for (const end of endPts) {
    const pts = [];
    for (let i = first; i <= end; i++) pts.push({ x: xs[i], y: ys[i], on: (flags[i] & 1) === 1 });
    result.push(pts);
    first = end + 1;
  }
  return result;
}

/** TrueType quadratic contour → SVG path (y negated). */
function svg(pts) {
  const P = (q) => `${q.x} ${-q.y}`;
  const mid = (a, b) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  const n = pts.length;
  let startIdx = pts.findIndex((q) => q.on);
  let start;
  if (startIdx < 0) { start = mid(pts[0], pts[1]); startIdx = 0; } else start = pts[startIdx];
  let d = `M${P(start)}`;
  let ctrl = null;
  for (let k = 1; k <= n; k++) {
    const q = pts[(startIdx + k) % n];
    if (q.on) {
      d += ctrl ? `Q${P(ctrl)} ${P(q)}` : `L${P(q)}`;
      ctrl = null;
    } else if (ctrl) {
      const m = mid(ctrl, q);
      d += `Q${P(ctrl)} ${P(m)}`;
      ctrl = q;
    } else ctrl = q;
  }
  if (ctrl) d += `Q${P(ctrl)} ${P(start)}`;
  return d + 'Z';
}

const glyphs = {};
for (let c = 32; c < 127; c++) {
  const g = glyphIndex(c);
  glyphs[String.fromCharCode(c)] = { w: advance(g), d: contours(g).map(svg).join('') };
}
const out = path.join(here, 'label-glyphs.json');
fs.writeFileSync(out, JSON.stringify({
  font: 'Liberation Sans Regular (SIL Open Font License 1.1), from pdfjs-dist/standard_fonts',
  unitsPerEm,
  glyphs,
}) + '\n');
console.log(`wrote ${out} (${Object.keys(glyphs).length} glyphs, ${unitsPerEm} units per em)`);
