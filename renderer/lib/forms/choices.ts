// What pickers share: a select's choices, and moving a highlight through a list.

/** a select's choices: value and the text shown */
export interface Choice {
  value: unknown;
  label: string;
}

/** records with an id and a name or label, as choices */
export function choicesOf(list: readonly { id: string; name?: string; label?: string }[] | undefined): Choice[] {
  return (list ?? []).map((x) => ({ value: x.id, label: x.name ?? x.label ?? x.id }));
}

/** the highlighted index after moving `delta` rows in a list of `n` (none highlighted: -1) */
export function moveIndex(active: number, delta: number, n: number): number {
  if (n === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : n - 1;
  return Math.min(n - 1, Math.max(0, active + delta));
}
