// The audit viewer's "what changed": an UPDATE's before and after as field → old → new, an
// INSERT's or DELETE's row as its fields, an event's details as they are.
export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = obj(before);
  const a = obj(after);
  if (!b && !a) {
    if (before === null && after === null) return [];
    return [{ field: '', before: before == null ? null : show(before), after: after == null ? null : show(after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const out: DiffLine[] = [];
  for (const k of keys) {
    const x = b ? show(b[k]) : null;
    const y = a ? show(a[k]) : null;
    // an UPDATE shows only what changed
    if (b && a && x === y) continue;
    out.push({ field: k, before: x, after: y });
  }
  return out;
}
