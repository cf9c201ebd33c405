// The option parser every CLI command shares.
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../electron/cli/options.ts';
import { UsageError } from '../../electron/cli/errors.ts';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a usage error');
}

describe('parseOptions', () => {
  it('reads --name VALUE, --name=VALUE, a negative number as a value, flags and plain arguments', () => {
    const o = parseOptions('x', ['restore', '--out', 'a.pdf', '--offset-x=-3', '--offset-y', '-2', '--json'], ['out', 'offset-x', 'offset-y'], ['json']);
    expect(o).toEqual({ values: { out: 'a.pdf', 'offset-x': '-3', 'offset-y': '-2' }, flags: new Set(['json']), positional: ['restore'] });
  });

  it('names the command and the argument it refuses', () => {
    expect(refusal(() => parseOptions('build', ['--copies', '2'], ['from']))).toBe('build: unknown argument --copies');
    expect(refusal(() => parseOptions('build', ['--json=yes'], [], ['json']))).toBe('build: unknown argument --json=yes');
    expect(refusal(() => parseOptions('build', ['extra'], ['from'], [], { positional: false }))).toBe('build: unknown argument extra');
    expect(refusal(() => parseOptions('build', ['--from'], ['from']))).toBe('build: --from needs a value');
    expect(refusal(() => parseOptions('build', ['--from', '--to', 'x'], ['from', 'to']))).toBe('build: --from needs a value');
    expect(refusal(() => parseOptions('build', ['--from=a', '--from', 'b'], ['from']))).toBe('build: --from given twice');
  });
});
