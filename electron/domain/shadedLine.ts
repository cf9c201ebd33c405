// The shaded part of CMS-1500 item 24 (61 characters): the NDC item (N4…), then a NOC description
// with qualifier ZZ (R-CL-12, NUCC: an unspecified code), then a drug-line note (R-DR-12) as an
// item without a qualifier (2 blanks). Items are 3 blanks apart. Here, not in the form writer,
// because the engine warns when a note cannot go on the form whole.

export const SHADED_LINE_WIDTH = 61;

/** The NDC item: qualifier N4, the 11-digit NDC, three blanks, unit qualifier and quantity (IZ, OpenEMR). */
export function ndcItem(ndc: string, unit: string, quantityText: string): string {
  return `N4${ndc}   ${unit}${quantityText}`;
}
const GAP = '   ';
const NO_QUALIFIER = '  ';

/** The shaded text; a description is cut to fit, a note that does not fit whole is left off. */
export function shadedLine(ndcItem: string | null, description?: string | null, note?: string | null): { text: string; noteLeftOff: boolean } {
  let text = ndcItem ?? '';
  if (description) text = `${text ? text + GAP : ''}ZZ${description}`.slice(0, SHADED_LINE_WIDTH);
  if (!note) return { text, noteLeftOff: false };
  const withNote = `${text ? text + GAP : ''}${NO_QUALIFIER}${note}`;
  return withNote.length <= SHADED_LINE_WIDTH ? { text: withNote, noteLeftOff: false } : { text, noteLeftOff: true };
}
