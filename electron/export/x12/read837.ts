// read837: parses an 837P we wrote and checks what a clearinghouse checks first — envelope
// counts and control numbers, loop structure and segment order, HL tree, LX sequence — plus the
// business rules of tools/x12's `[rules]` layer (sums, pointers, NDC, NPI, ZIP+4, 2000C/SBR02,
// F8). It runs in our own tests, without pyx12, on every file the writer produces.
//
// The passes live in read/: tokenizer, envelope and hygiene know no transaction set; the loop
// walk takes the 837P grammar, and read/837p/ gives its segments their meaning.
import { checkEnvelope, controlNumbers } from './read/envelope.ts';
import { checkAscii, checkElements } from './read/hygiene.ts';
import { Issues } from './read/issues.ts';
import { walkLoops } from './read/loopWalk.ts';
import { ISA_LENGTH, tokenize } from './read/tokenize.ts';
import { GRAMMAR_837P, VERSION_837P } from './read/837p/grammar.ts';
import { hooks837 } from './read/837p/handlers.ts';
import { checkHlTree } from './read/837p/hlTree.ts';
import { Reading837 } from './read/837p/reading.ts';
import type { ReadClaim, Read837Result } from './read/837p/result.ts';

export type { X12Issue } from './read/issues.ts';
export type { ReadClaim, ReadLine, Read837Result } from './read/837p/result.ts';

export function read837(text: string): Read837Result {
  const tokens = tokenize(text);
  const segments = tokens?.segments ?? [];
  const issues = new Issues(segments);
  const result = (claims: ReadClaim[]): Read837Result => ({
    ok: issues.ok,
    errors: issues.errors,
    warnings: issues.warnings,
    segments,
    claims,
    ...controlNumbers(segments),
  });

  checkAscii(text, issues);
  if (!tokens) {
    issues.error(0, '', `the file does not start with a ${ISA_LENGTH}-character ISA`, 'ISA');
    return result([]);
  }
  const span = checkEnvelope(tokens, VERSION_837P, issues);
  if (!span) return result([]);
  checkElements(segments, tokens.delimiters.component, issues);
  const reading = new Reading837(segments, tokens.delimiters.component, issues);
  walkLoops(segments, span, GRAMMAR_837P, issues, hooks837(reading));
  checkHlTree(reading, span.st);
  return result(reading.claims);
}
