// Turns zod issues into the `path: message` lines the import reports (interfaces.md).
import type { z } from 'zod';

/** `therapies[2].drugs[0].ndc`; keys that are not identifiers are quoted: `chargeMaster["J0696:00409733201"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(file)';
}

const ARTICLE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

/** Messages for the issues our schemas do not word themselves. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `expected ${ARTICLE[iss.expected] ?? iss.expected}`;
    case 'too_small':
      return iss.origin === 'array' ? `needs at least ${String(iss.minimum)}` : `must be at least ${String(iss.minimum)}`;
    case 'too_big':
      return `must be at most ${String(iss.maximum)}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return undefined;
  }
};

/** One line per problem; an unknown key gets its own line at its own path. */
export function issueLines(prefix: readonly PropertyKey[], issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) lines.push(`${formatPath([...prefix, ...iss.path, k])}: unknown field`);
    } else lines.push(`${formatPath([...prefix, ...iss.path])}: ${iss.message}`);
  }
  return lines;
}
