// Problems keyed by field path (from the handlers), and a readable list for a form's summary.

export type Problems = Record<string, string>;

export function problemList(p: Problems, labels: Record<string, string> = {}): string[] {
  return Object.entries(p).map(([path, message]) => `${labelOf(path, labels)}: ${message}`);
}

/** `holds[1].to` → "Hold 2 · to" unless a label is given for the path or its last part */
export function labelOf(path: string, labels: Record<string, string>): string {
  if (labels[path]) return labels[path];
  return path
    .replace(/\[(\d+)\]/g, (_m, i: string) => ` ${Number(i) + 1}`)
    .split('.')
    .map((part) => labels[part.replace(/ \d+$/, '')] ? `${labels[part.replace(/ \d+$/, '')]}${part.match(/ \d+$/)?.[0] ?? ''}` : part)
    .join(' · ');
}
