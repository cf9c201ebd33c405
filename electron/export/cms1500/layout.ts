// Box geometry of the CMS-1500 (02/12), read from resources/cms1500/layout.json (a copy of
// the shared tools/cms1500/layout.json plus `carrier_page`). No coordinate lives in code.
import layoutJson from '../../../resources/cms1500/layout.json' with { type: 'json' };

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LayoutField {
  item: string;
  label: string;
  kind: 'text' | 'checkbox' | 'reserved';
  align: 'left' | 'right';
  /** characters at 10 cpi from text_x to the right edge of rect */
  width: number;
  rect: Rect;
  /** x of the first character cell */
  text_x: number;
  baseline: number;
}

export interface Layout {
  /** character pitch (10 cpi) */
  pitch: number;
  fields: Readonly<Record<string, LayoutField>>;
}

function parseLayout(raw: unknown): Layout {
  const root = raw as { header?: { grid?: { col_pitch_pt?: unknown } }; fields?: Record<string, unknown> };
  const pitch = root.header?.grid?.col_pitch_pt;
  if (typeof pitch !== 'number' || !root.fields) throw new Error('cms1500 layout.json: no grid pitch or fields');
  const fields: Record<string, LayoutField> = {};
  for (const [id, value] of Object.entries(root.fields)) {
    const f = value as Partial<LayoutField>;
    const r = f.rect;
    const ok =
      typeof f.width === 'number' && typeof f.text_x === 'number' && typeof f.baseline === 'number' &&
      (f.kind === 'text' || f.kind === 'checkbox' || f.kind === 'reserved') &&
      (f.align === 'left' || f.align === 'right') && r !== undefined &&
      [r.x0, r.y0, r.x1, r.y1].every((n) => typeof n === 'number');
    if (!ok) throw new Error(`cms1500 layout.json: field ${id} is incomplete`);
    fields[id] = f as LayoutField;
  }
  return { pitch, fields: Object.freeze(fields) };
}

export const LAYOUT: Layout = parseLayout(layoutJson);

export function field(id: string, layout: Layout = LAYOUT): LayoutField {
  const f = layout.fields[id];
  if (!f) throw new Error(`cms1500 layout has no field '${id}'`);
  return f;
}

/**
 * How many characters a value may have. Right-aligned amounts may also use the room left of
 * text_x up to the rule (item 28 holds "CONTINUED" and seven-digit dollars).
 */
export function capacity(f: LayoutField, pitch = LAYOUT.pitch): number {
  if (f.align === 'left') return f.width;
  return f.width + Math.floor((f.text_x - f.rect.x0) / pitch + 1e-9);
}

/** x of the first character of `text` in the field (right-aligned fields end at text_x + width). */
export function textX(f: LayoutField, text: string, pitch = LAYOUT.pitch): number {
  return f.align === 'right' ? f.text_x + pitch * (f.width - text.length) : f.text_x;
}
