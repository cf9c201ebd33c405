// Option parsing shared by the security commands (audit, backup, token): --name VALUE or
// --name=VALUE, each allowed once, unknown ones refused with their name.
import { UsageError } from '../errors.ts';

export function parseOptions(
  command: string,
  argv: string[],
  valued: readonly string[],
  flags: readonly string[] = [],
): { values: Record<string, string>; flags: Set<string>; positional: string[] } {
  const values: Record<string, string> = {};
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).slice(2);
    if (flags.includes(name) && eq < 0) {
      set.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`${command}: unknown option --${name}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${command}: --${name} needs a value`);
    if (name in values) throw new UsageError(`${command}: --${name} given twice`);
    values[name] = value;
  }
  return { values, flags: set, positional };
}
