// The option parsing every command shares: --name VALUE or --name=VALUE, each allowed once;
// flags stand alone; anything else is refused with the argument as typed. Commands that take
// plain arguments (backup restore FILE) ask for them with `positional`.
import { UsageError } from './errors.ts';

export interface ParsedOptions {
  values: Record<string, string>;
  flags: Set<string>;
  positional: string[];
}

export function parseOptions(
  command: string,
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[] = [],
  { positional: allowPositional = true }: { positional?: boolean } = {},
): ParsedOptions {
  const values: Record<string, string> = {};
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      if (!allowPositional) throw new UsageError(`${command}: unknown argument ${a}`);
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).slice(2);
    if (flags.includes(name) && eq < 0) {
      set.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`${command}: unknown argument ${a}`);
    // a negative number is a value, not an option
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${command}: --${name} needs a value`);
    if (name in values) throw new UsageError(`${command}: --${name} given twice`);
    values[name] = value;
  }
  return { values, flags: set, positional };
}
