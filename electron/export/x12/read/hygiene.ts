// Character- and element-level checks any X12 file must pass before its content means anything:
// pyx12 and clearinghouses reject these outright, whatever the transaction set.
import type { Issues } from './issues.ts';

/** Runs on the raw text, before the ISA is read, so it reports against the file (segment 0). */
export function checkAscii(text: string, issues: Issues): void {
  // eslint-disable-next-line no-control-regex
  const nonAscii = /[^\x00-\x7f]/.exec(text);
  if (nonAscii) issues.error(-1, '', `non-ASCII character at offset ${nonAscii.index}`);
}

/** Every segment but the ISA, whose fixed-width elements are padded with spaces on purpose. */
export function checkElements(segments: readonly (readonly string[])[], component: string, issues: Issues): void {
  segments.forEach((s, i) => {
    if (i === 0) return;
    if (s.length > 1 && s[s.length - 1] === '') issues.error(i, '', 'trailing element separator');
    for (let k = 1; k < s.length; k++) {
      const e = s[k]!;
      if (e.length > 0 && (e.charCodeAt(0) === 32 || e.charCodeAt(e.length - 1) === 32)) issues.error(i, '', `element '${e}' has leading or trailing spaces`);
      if (e.endsWith(component)) issues.error(i, '', `element '${e}' ends with a component separator`);
    }
  });
}
