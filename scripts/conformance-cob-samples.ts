// Writes the 837P files of the secondary-claims flow on a stored office (test/support/cobOffice.ts)
// for scripts/conformance.sh: the secondary (SBR*S, 2320/2330/2430 for BCBS TX), the tertiary (SBR*T,
// two earlier payers) and the void of a secondary sent before the primary reversed its payment.
//   npx tsx scripts/conformance-cob-samples.ts OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { answer, export837, openCobOffice, P1002_PLAN, PRIMARY_PLAN, PRIMARY_REVERSED, SECONDARY_PLAN, TERTIARY_PLAN } from '../test/support/cobOffice.ts';
import { upload } from '../test/support/remitOffice.ts';
import { respond } from '../test/support/testPayer.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: conformance-cob-samples.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const o = await openCobOffice();
await answer(o, 'allways', P1002_PLAN);
await answer(o, 'bcbstx', PRIMARY_PLAN);
writeFileSync(path.join(out, 'cob-secondary.x12'), (await answer(o, 'allways', SECONDARY_PLAN)).sent.text);
writeFileSync(path.join(out, 'cob-tertiary.x12'), (await answer(o, 'statemcd', TERTIARY_PLAN)).sent.text);
o.store.close();

const v = await openCobOffice();
const primary = await answer(v, 'bcbstx', PRIMARY_REVERSED);
const sent = await export837(v, 'allways');
await v.call('remit.receive', upload('allways-277.x12', respond(sent.text, SECONDARY_PLAN).ack277!));
await v.call('remit.receive', upload('reversal.x12', primary.r.remits[1]!));
writeFileSync(path.join(out, 'cob-void.x12'), (await export837(v, 'allways')).text);
v.store.close();
