import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../electron/cli/main.ts';
import { capture, EXAMPLE_PATH, example, tempDir } from './helpers.ts';
import { expectOnlyRefusedRequest, officeState, type OfficeState } from '../support/officeState.ts';

type Doc = Record<string, any>;

// Each bad record, the exact lines the import must print, and nothing else.
const CASES: [string, (d: Doc) => void, string[]][] = [
  ['an unhyphenated 10-digit NDC on a therapy drug', (d) => (d.therapies[2].drugs[0].ndc = '0094427000'),
    ['therapies[2].drugs[0].ndc: 10 digits without hyphens is ambiguous']],
  ['a product NDC that is no NDC at all', (d) => (d.products[5].ndc = '12-34-5'),
    ["products[5].ndc: '12-34-5' is not an NDC (use 4-4-2, 5-3-2, 5-4-1 or 5-4-2 with hyphens, or 11 digits)"]],
  ['an NPI with a wrong check digit', (d) => (d.prescribers[0].npi = '1992753884'),
    ["prescribers[0].npi: '1992753884' fails the NPI check digit"]],
  ['an NPI of 9 digits', (d) => (d.nurses[0].npi = '145678901'), ["nurses[0].npi: '145678901' is not an NPI (10 digits)"]],
  ['an EIN of 8 digits', (d) => (d.organization.taxId = '74123456'), ["organization.taxId: '74123456' is not an EIN (9 digits)"]],
  ['an ICD-10-CM code without its dot', (d) => (d.therapies[0].diagnoses[0] = 'L03115'),
    ["therapies[0].diagnoses[0]: 'L03115' needs its dot (L03.115)"]],
  ['an ICD-10-CM code of the wrong shape', (d) => (d.therapies[1].diagnoses[0] = 'E8.60'),
    ["therapies[1].diagnoses[0]: 'E8.60' is not an ICD-10-CM code (e.g. L03.115, E86.0, I10)"]],
  ['a state that is not a USPS code', (d) => (d.patients[0].address.state = 'TQ'), ["patients[0].address.state: 'TQ' is not a USPS state code"]],
  ['a billing provider ZIP of 5 digits (the 837P needs ZIP+4)', (d) => (d.organization.address.zip = '78704'),
    ["organization.address.zip: '78704' has 5 digits; the 837P billing provider needs all 9 (ZIP+4)"]],
  ['a billing provider without an address', (d) => delete d.organization.address,
    ['organization.address: is required: the 837P billing provider (2010AA) needs its street address']],
  ['a billing provider at a PO box', (d) => (d.organization.address.line1 = 'PO Box 12'),
    ["organization.address.line1: 'PO Box 12' is a PO box; the 837P billing provider needs a street address"]],
  ['a clearinghouse sender id longer than the ISA allows', (d) => (d.clearinghouse.senderId = 'SUMMITHOMEINFUSION'),
    ["clearinghouse.senderId: 'SUMMITHOMEINFUSION' is longer than 15 characters"]],
  ['a clearinghouse receiver id of one character', (d) => (d.clearinghouse.receiverId = 'C'),
    ['clearinghouse.receiverId: is shorter than 2 characters']],
  ['a ZIP of 4 digits', (d) => (d.patients[1].address.zip = '0213'), ["patients[1].address.zip: '0213' is not a ZIP code (5 or 9 digits)"]],
  ['an impossible birth date', (d) => (d.patients[0].dob = '1956-02-30'), ["patients[0].dob: '1956-02-30' is not a real date (YYYY-MM-DD)"]],
  ['a time without its leading zero', (d) => (d.visits[0].arrival = '9:00'), ["visits[0].arrival: '9:00' is not a time HH:MM (00:00 to 23:59)"]],
  ['a departure before the arrival', (d) => (d.visits[0].departure = '08:30'),
    ['visits[0].departure: departure 2026-10-01 08:30 is not after arrival 2026-10-01 09:00']],
  ['a departure more than 24 hours after the arrival (R-NV-2)', (d) => (d.visits[1].departureDate = '2026-10-12'),
    ['visits[1].departureDate: departure 2026-10-12 17:10 is more than 24 hours after arrival 2026-10-11 13:00']],
  ['an unknown route', (d) => (d.therapies[0].route = 'PO'),
    ["therapies[0].route: 'PO' is not one of IV, SC, IM, epidural, intrathecal, enteral, other"]],
  ['an unknown therapy category', (d) => (d.therapies[2].category = 'antibiotics'),
    [expect.stringMatching(/^therapies\[2\]\.category: 'antibiotics' is not one of antiInfective, hydration, tpn, /)]],
  ['an unknown nurse credential', (d) => (d.nurses[1].credential = 'CNA'), ["nurses[1].credential: 'CNA' is not one of RN, LPN"]],
  ['an unknown payer setting value', (d) => (d.payers[0].settings.lineSpan = 'year'),
    ["payers[0].settings.lineSpan: 'year' is not one of day, week, month"]],
  ['everyHours that does not divide 24', (d) => (d.therapies[0].schedule = { everyHours: 5 }),
    ['therapies[0].schedule.everyHours: 5 must divide 24 (1, 2, 3, 4, 6, 8, 12, 24)']],
  ['a stop before the start', (d) => (d.therapies[0].stop = '2026-09-30'), ['therapies[0].stop: stop 2026-09-30 is before start 2026-10-01']],
  ['a hold that ends before it starts', (d) => (d.therapies[0].holds[0].to = '2026-10-04'),
    ['therapies[0].holds[0].to: hold ends 2026-10-04, before it starts 2026-10-05']],
  ['a dose in mL for a drug billed per mg', (d) => (d.therapies[0].drugs[0].dose.unit = 'mL'),
    ['therapies[0].drugs[0].dose.unit: mL cannot convert to mg, the unit of J0696 for 00409733201']],
  ['a dose in units for a drug billed per mg', (d) => (d.therapies[2].drugs[0].dose = { amount: 20000, unit: 'units' }),
    ['therapies[2].drugs[0].dose.unit: units cannot convert to mg, the unit of J1569 for 00944270004']],
  ['the same NDC twice in one therapy', (d) => d.therapies[0].drugs.push({ ...d.therapies[0].drugs[0] }),
    ['therapies[0].drugs[1].ndc: 00409733201 is already drugs[0] of this therapy; give one drug its total dose']],
  ['a therapy billed to a payer the patient has no coverage with', (d) => (d.therapies[0].payer = 'allways'),
    ["therapies[0].payer: patient 'P1001' has no coverage with payer 'allways'"]],
  ['an unknown prescriber', (d) => (d.therapies[1].prescriber = 'dr-nobody'), ["therapies[1].prescriber: unknown prescriber 'dr-nobody'"]],
  ['a visit by an unknown nurse', (d) => (d.visits[2].nurse = 'rn-ghost'), ["visits[2].nurse: unknown nurse 'rn-ghost'"]],
  ['a dispense of an unknown therapy', (d) => (d.dispenses[1].therapy = 'T99'), ["dispenses[1].therapy: unknown therapy 'T99'"]],
  ['a dispense of a product not in the catalog', (d) => (d.dispenses[0].ndc = '11111-2222-33'), ["dispenses[0].ndc: unknown product NDC '11111222233'"]],
  ["a visit for another patient's therapy", (d) => (d.visits[0].therapy = 'T3'),
    ["visits[0].therapy: therapy 'T3' belongs to patient 'P1002', not 'P1001'"]],
  ['a supply given as a therapy drug', (d) => (d.therapies[0].drugs[0].ndc = '12345-0001-01'),
    ['therapies[0].drugs[0].ndc: 12345000101 (IV pole) is a supply, not a drug']],
  ['a misspelled field', (d) => (d.therapies[0].stopDate = '2026-10-10'), ['therapies[0].stopDate: unknown field']],
  ['a missing birth date', (d) => delete d.patients[0].dob, ['patients[0].dob: is required']],
  ['a dispense id used twice', (d) => d.dispenses.push({ ...d.dispenses[0] }), ["dispenses[3].id: 'D1' is already used by dispenses[0]"]],
  ['a negative price', (d) => (d.chargeMaster.S9500 = -1), ['chargeMaster.S9500: must not be negative']],
  ['a price key that is no code', (d) => (d.payers[0].fees['S95'] = 1), ["payers[0].fees.S95: 'S95' is not CODE or CODE:NDC"]],
  ['a clearinghouse usage other than T or P', (d) => (d.clearinghouse.usage = 'X'), ["clearinghouse.usage: 'X' is not one of T, P"]],
  ['a child coverage without the subscriber', (d) => delete d.patients[1].coverages[0].subscriber,
    ['patients[1].coverages[0].subscriber: is required when relationship is child']],
  ['a drug product without its HCPCS unit', (d) => delete d.products[0].hcpcsUnit, ['products[0].hcpcsUnit: is required for a drug']],
  ['a dispense of zero units', (d) => (d.dispenses[0].quantity = 0), ['dispenses[0].quantity: must be more than 0']],
  // R-CO-1: the dates a coverage is active decide whether the next payer is billed
  ['a coverage that ends before it starts', (d) => Object.assign(d.patients[0].coverages[0], { from: '2026-07-01', to: '2026-06-30' }),
    ['patients[0].coverages[0].to: coverage ends 2026-06-30, before it starts 2026-07-01']],
  ['a coverage active from an impossible date', (d) => (d.patients[0].coverages[0].from = '2026-02-30'),
    ["patients[0].coverages[0].from: '2026-02-30' is not a real date (YYYY-MM-DD)"]],
  ['a coverage with an unknown payer', (d) => (d.patients[1].coverages[0].payer = 'aetna'),
    ["patients[1].coverages[0].payer: unknown payer 'aetna'", "therapies[2].payer: patient 'P1002' has no coverage with payer 'allways'"]],
  ['a schedule with two forms', (d) => (d.therapies[1].schedule = { everyHours: 24, weekly: true }),
    ['therapies[1].schedule: must be exactly one of {"everyHours": N}, {"everyDays": N}, {"weekly": true}, {"monthly": true} or {"continuous": true}']],
];

describe('perdiem import rejects bad records, writing nothing', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'office.sqlite');
  let before: OfficeState;

  /** Nothing of the file was written: the records are as they were; the trail gained only the refused request. */
  const nothingWritten = (file: string) =>
    expectOnlyRefusedRequest(db, before, 'app.importFile', 'data.import', { fileName: file, text: expect.stringMatching(/^<\d+ characters>$|^\{/) });

  beforeAll(async () => {
    const c = capture();
    expect(await runCli(['import', EXAMPLE_PATH, '--db', db], c.io)).toBe(0);
    before = officeState(db);
  });
  afterAll(() => tmp.cleanup());

  it.each(CASES)('rejects %s with its exact path: message', async (_, mutate, expected) => {
    const doc = example();
    mutate(doc);
    const file = path.join(tmp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const c = capture();
    const code = await runCli(['import', file, '--db', db], c.io);
    expect(code).toBe(1);
    const lines = c.err.trimEnd().split('\n');
    expect(lines[0]).toBe(`perdiem: import rejected: ${expected.length} problem${expected.length === 1 ? '' : 's'}, nothing was imported`);
    expect(lines.slice(1)).toEqual(expected);
    expect(c.out).toBe('');
    expect(existsSync(`${db}-wal`)).toBe(false);
    nothingWritten(file);
  });

  it('reports every problem of a file at once, in file order', async () => {
    const doc = example();
    doc.organization.npi = '1234567890';
    doc.therapies[0].stop = '2026-09-01';
    doc.therapies[2].drugs[0].ndc = '0094427000';
    doc.visits[2].nurse = 'nobody';
    doc.therapies[1].route = 'PO';
    doc.therapies[1].prescriber = 'dr-who';
    doc.dispenses[0].quantity = -1;
    doc.dispenses[0].therapy = 'T77';
    const file = path.join(tmp.dir, 'many.json');
    writeFileSync(file, JSON.stringify(doc));
    const c = capture();
    expect(await runCli(['import', file, '--db', db], c.io)).toBe(1);
    expect(c.err.trimEnd().split('\n').slice(1)).toEqual([
      "organization.npi: '1234567890' fails the NPI check digit",
      'therapies[0].stop: stop 2026-09-01 is before start 2026-10-01',
      "therapies[1].route: 'PO' is not one of IV, SC, IM, epidural, intrathecal, enteral, other",
      "therapies[1].prescriber: unknown prescriber 'dr-who'",
      'therapies[2].drugs[0].ndc: 10 digits without hyphens is ambiguous',
      'dispenses[0].quantity: must be more than 0',
      "dispenses[0].therapy: unknown therapy 'T77'",
      "visits[2].nurse: unknown nurse 'nobody'",
    ]);
    nothingWritten(file);
  });

  it('rejects a file that is not JSON with exit 1', async () => {
    const file = path.join(tmp.dir, 'broken.json');
    writeFileSync(file, '{"patients": [');
    const c = capture();
    expect(await runCli(['import', file, '--db', db], c.io)).toBe(1);
    expect(c.err).toMatch(/^perdiem: .*broken\.json is not valid JSON: /);
    nothingWritten(file);
  });
});
