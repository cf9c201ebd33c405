// Where tests find the project's own files: resolved from this file, not from the working folder
// or a folder beside the clone, so a fresh clone runs its tests from anywhere.
import { fileURLToPath } from 'node:url';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** The import example (docs/import.md): a small office, its payers, patients and one month of care. */
export const EXAMPLE_IMPORT = fromHere('../../docs/examples/import-example.json');
/** The claims and findings `perdiem build --json` must give for that example. */
export const EXAMPLE_CLAIMS = fromHere('../../docs/examples/claims-example.expected.json');
