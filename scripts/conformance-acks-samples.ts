// Writes the test payer's answers (999, 277CA, 835) to a folder for scripts/conformance-acks.sh:
// one set of files per plan, covering payment, CO-45/PR, denials with remarks, a 277CA rejection,
// a reversal with its correction, PLB takebacks and forwards, a split claim and an unknown patient.
//   npx tsx scripts/conformance-acks-samples.ts OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { write837 } from '../electron/export/x12/write837.ts';
import { goldenInput } from '../test/export837/golden.ts';
import { respond, type PayerPlan } from '../test/support/testPayer.ts';
import { SAMPLE_PLANS } from '../test/support/samplePlans.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: conformance-acks-samples.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const [name, { golden, plan }] of Object.entries(SAMPLE_PLANS) as [string, { golden: string; plan: PayerPlan }][]) {
  const r = respond(write837(goldenInput(golden)).text, plan);
  writeFileSync(path.join(out, `${name}.999.x12`), r.ack999);
  if (r.ack277) writeFileSync(path.join(out, `${name}.277ca.x12`), r.ack277);
  r.remits.forEach((t, i) => writeFileSync(path.join(out, `${name}.835-${i + 1}.x12`), t));
}
