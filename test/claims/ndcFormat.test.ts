import { describe, expect, it } from 'vitest';
import { allLines, build } from './fixture.ts';
import { datasetFrom, exampleRaw } from './helpers.ts';

describe('NDC format on drug lines (R-DR-1)', () => {
  it('bills 11 digits 5-4-2 for each hyphenated 10-digit form imported', () => {
    const raw = exampleRaw();
    const products = raw.products as Array<Record<string, unknown>>;
    // 4-4-2 (ceftriaxone), 5-3-2 (vancomycin) and 5-4-1 forms, each padded where the zero belongs
    products.push({ ...products[1]!, ndc: '12345-6789-1', name: 'Vancomycin 5-4-1 vial' });
    const t1 = (raw.therapies as Array<Record<string, unknown>>)[0]!;
    t1.drugs = [{ ndc: '0409-7332-01', dose: { amount: 1.5, unit: 'g' } }, { ndc: '63323-284-20', dose: { amount: 1, unit: 'g' } }, { ndc: '12345-6789-1', dose: { amount: 1, unit: 'g' } }];
    (raw.dispenses as unknown[]).push(
      { id: 'D8', therapy: 'T1', date: '2026-10-01', ndc: '63323-284-20', quantity: 10, daysSupply: 10 },
      { id: 'D9', therapy: 'T1', date: '2026-10-01', ndc: '12345-6789-1', quantity: 10, daysSupply: 10 },
    );
    const r = build(datasetFrom(raw), { to: '2026-10-01', payer: 'bcbstx' });
    expect([...new Set(allLines(r).filter((l) => l.ndc).map((l) => l.ndc))]).toEqual(['00409733201', '63323028420', '12345678901']);
  });
});
