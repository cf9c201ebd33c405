// `npm run bench`: runs every bench/*.bench.ts (default export: an async function that prints),
// each in a process of its own, so one bench's heap and warmed code do not colour the next one's
// figures. `npm run bench NAME…` runs the benches whose file names contain a NAME.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const [flag, file] = process.argv.slice(2);
if (flag === '--one' && file) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
  await mod.default();
} else {
  const only = process.argv.slice(2);
  let failed = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.bench.ts')).sort()) {
    if (only.length > 0 && !only.some((o) => f.includes(o))) continue;
    // --expose-gc: a bench may collect its setup's garbage before its clock starts
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--one', f], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}
