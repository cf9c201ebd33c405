// Making values safe for X12: plain ASCII, none of the four delimiters, no surrounding spaces,
// within the element's length. Free text (names, addresses) is also transliterated and upper-cased;
// identifiers are never rewritten (a changed member id or claim number would not match back), so
// an unsafe identifier is reported instead.

// Letters NFD does not decompose into a base letter plus marks.
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'SS', ẞ: 'SS', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Ø: 'O', ø: 'O', Ł: 'L', ł: 'L', Đ: 'D', đ: 'D',
  Ð: 'D', ð: 'D', Þ: 'TH', þ: 'TH', ı: 'I', Ħ: 'H', ħ: 'H', Ŋ: 'N', ŋ: 'N', ĸ: 'K',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u2026': '...', '\u00B4': "'", '\u02BC': "'",
};

/** The delimiters we write (ISA: `*` `:` `^` `~`) plus line breaks, which follow each `~`. */
const DELIMITER_CHARS = /[*:^~\r\n\t]/g;
/** X12 5010 extended character set, printable ASCII only (pyx12 `rec_ID_E5`). */
const X12_CLASS = String.raw`[^A-Za-z0-9!"&'()*+,\-./:;?= %~@[\]_{}\\|<>^\x60#$]`;
const NOT_X12 = new RegExp(X12_CLASS, 'g');
const HAS_NON_X12 = new RegExp(X12_CLASS);

/** é → E, ñ → N, ß → SS; whatever has no ASCII form is dropped. */
export function toAscii(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out += ch;
    else if (code >= 0x300 && code <= 0x36f) continue; // combining marks left by NFD
    else out += SPECIAL[ch] ?? '';
  }
  return out;
}

/** Cut to `max` without leaving a trailing space (pyx12: "unnecessary trailing spaces"). */
function cut(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max).trimEnd();
}

/** Names, addresses, cities: ASCII, upper case, delimiters become spaces, spaces collapsed. */
export function x12Text(value: string | null | undefined, max: number): string {
  if (value == null) return '';
  const ascii = toAscii(value).toUpperCase().replace(DELIMITER_CHARS, ' ').replace(NOT_X12, '');
  return cut(ascii.replace(/\s+/g, ' ').trim(), max);
}

/**
 * Identifiers (member id, claim id, authorization, payer id): trimmed and checked, never changed.
 * Returns the problem in words, or null when the value can be sent as it is.
 */
export function idProblem(value: string, max: number, min = 1): string | null {
  if (value.length < min) return value.length === 0 ? 'is empty' : `is shorter than ${min} characters`;
  if (value.length > max) return `'${value}' is longer than ${max} characters`;
  if (/[*:^~\r\n\t]/.test(value)) return `'${value}' contains an X12 delimiter (* : ^ ~) or a line break`;
  // eslint-disable-next-line no-control-regex
  if (/[^\x20-\x7e]/.test(value)) return `'${value}' contains characters outside plain ASCII`;
  if (HAS_NON_X12.test(value)) return `'${value}' contains characters outside the X12 character set`;
  return null;
}
