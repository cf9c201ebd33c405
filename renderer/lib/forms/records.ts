// Declarative record forms (RecordForm.svelte): a list of fields addressed by dotted paths
// ('address.city'), errors keyed the same way (the import validation's field paths), and a
// clean-up before saving that turns blanks into "absent" the way the import format expects.

export type FieldKind = 'text' | 'number' | 'select' | 'checkbox' | 'list';

export interface FieldSpec {
  path: string;
  label: string;
  kind?: FieldKind;
  /** a select's choices; a value may be a boolean (a setting such as `false | true | 'paper'`) */
  options?: ReadonlyArray<{ value: string | boolean; label: string }>;
  hint?: string;
  /** read-only once the record exists (ids) */
  key?: boolean;
  wide?: boolean;
  step?: string;
  /** a heading shown before this field */
  heading?: string;
}

export type Rec = Record<string, unknown>;

export function getPath(rec: Rec, path: string): unknown {
  let v: unknown = rec;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Rec)[part];
  }
  return v;
}

export function setPath(rec: Rec, path: string, value: unknown): void {
  const parts = path.split('.');
  let o: Rec = rec;
  for (const part of parts.slice(0, -1)) {
    const next = o[part];
    if (next === null || typeof next !== 'object') o[part] = {};
    o = o[part] as Rec;
  }
  o[parts[parts.length - 1]!] = value;
}

function blank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/**
 * In place, so a typed draft stays that draft: blank strings become null; an address (or any
 * nested object) whose fields are all blank becomes null; text is trimmed. Numbers typed into
 * text fields stay as the user wrote them: the server's validation names what is wrong.
 */
export function cleanDraft(rec: Rec): void {
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v === 'string') rec[k] = v.trim() === '' ? null : v.trim();
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = { ...v };
      cleanDraft(inner);
      // a form's sub-record left blank (an address) is absent; an empty map (codeDates: {}) stays a map
      const values = Object.values(inner);
      rec[k] = values.length > 0 && values.every(blank) ? null : inner;
    }
  }
}

/** The error for a field: its own path, or the first error below it (e.g. 'address' for 'address.zip'). */
export function errorFor(errors: Record<string, string> | undefined, path: string): string | undefined {
  if (!errors) return undefined;
  return errors[path];
}

/** Errors that no field on the form shows (so the form can list them instead of hiding them). */
export function unplacedErrors(errors: Record<string, string> | undefined, specs: readonly FieldSpec[]): string[] {
  if (!errors) return [];
  const shown = new Set(specs.map((s) => s.path));
  return Object.entries(errors)
    .filter(([path]) => !shown.has(path))
    .map(([path, message]) => `${path}: ${message}`);
}

export const STATES_HINT = 'Two-letter state code';
