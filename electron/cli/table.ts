// Plain-text tables as the command line prints them: each column as wide as its widest cell, two
// spaces between columns, text columns padded on the right and figure columns (from `firstRight`
// on) on the left, so amounts line up on their decimal point.

/** The table's lines, the head first. */
export function tableLines(head: readonly string[], rows: readonly (readonly string[])[], firstRight: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((v, i) => (i >= firstRight ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}
