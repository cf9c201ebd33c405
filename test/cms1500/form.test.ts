import { describe, expect, it } from 'vitest';
import formJson from '../../resources/cms1500/form.json' with { type: 'json' };
import { LAYOUT, capacity } from '../../electron/export/cms1500/layout.ts';
import { labelWidth } from '../../electron/export/cms1500/form.ts';

type Label = [number, number, number, string];

/** Every label of the red form, service-line labels repeated as the renderer does. */
function labels(): Label[] {
  const sl = formJson.serviceLine;
  const out = formJson.labels.map((l) => l as Label);
  for (let k = 0; k < sl.count; k++) {
    for (const l of sl.labels) out.push([l[0] as number, (l[1] as number) - k * sl.pitch, l[2] as number, l[3] as string]);
    out.push([sl.numbers[0]!, sl.numbers[1]! - k * sl.pitch, sl.numbers[2]!, String(k + 1)]);
  }
  return out;
}

describe('the red form', () => {
  it('never prints a label where a value can go', () => {
    const clashes: string[] = [];
    for (const [x, y, size, text] of labels()) {
      const box = { x0: x, x1: x + labelWidth(text, size), y0: y - 0.22 * size, y1: y + 0.72 * size };
      for (const [id, f] of Object.entries(LAYOUT.fields)) {
        if (f.kind === 'reserved') continue;
        const cells = {
          x0: f.align === 'right' ? f.text_x - (capacity(f) - f.width) * LAYOUT.pitch : f.text_x,
          x1: f.text_x + f.width * LAYOUT.pitch,
          y0: f.baseline - 2,
          y1: f.baseline + 7,
        };
        if (box.x0 < cells.x1 && cells.x0 < box.x1 && box.y0 < cells.y1 && cells.y0 < box.y1) clashes.push(`'${text}' over ${id}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps every label on the sheet, clear of the quarter inch at the edges', () => {
    const off = labels().filter(([x, y, size, text]) => x < 9 || y < 18 || x + labelWidth(text, size) > 603 || y + size > 774);
    expect(off).toEqual([]);
  });
});
