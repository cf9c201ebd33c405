import { afterEach, describe, expect, it } from 'vitest';
import type { VisitDraft } from '../../electron/contract/visits.ts';
import { openOffice, type Office } from './fixture.ts';

const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  patient: 'P1001',
  therapy: 'T1',
  nurse: 'rn-ortiz',
  date: '2026-10-08',
  arrival: '09:00',
  departure: '11:30',
  departureDate: null,
  signed: true,
  notes: null,
  ...over,
});

const codes = (lines: { code: string; modifiers: string[]; units: number }[]) => lines.map((l) => `${[l.code, ...l.modifiers].join('-')} x ${l.units}`);

let office: Office;
afterEach(() => office?.close());

describe('the visit preview', () => {
  it('bills 99601 for the first two hours and 99602 once more than 30 minutes of an hour pass (R-NV-1)', async () => {
    office = openOffice({ withPatients: true });
    const at = async (departure: string) => codes((await office.get('visits.preview', draft({ departure }))).lines);
    expect(await at('11:30')).toEqual(['99601 x 1']);
    expect(await at('11:31')).toEqual(['99601 x 1', '99602 x 1']);
    expect(await at('12:30')).toEqual(['99601 x 1', '99602 x 1']);
    expect(await at('12:31')).toEqual(['99601 x 1', '99602 x 2']);
    const p = await office.get('visits.preview', draft({ departure: '12:31' }));
    expect([p.minutes, p.payer?.codeSet, p.problems, p.warnings]).toEqual([211, 'commercial', {}, []]);
  });

  it('counts a visit across midnight from its departure date', async () => {
    office = openOffice({ withPatients: true });
    const p = await office.get('visits.preview', draft({ arrival: '22:00', departure: '01:45', departureDate: '2026-10-09' }));
    expect(p.minutes).toBe(225);
    expect(codes(p.lines)).toEqual(['99601 x 1', '99602 x 2']);
  });

  it('names the departure when it is not after the arrival, or more than 24 hours later (R-NV-2)', async () => {
    office = openOffice({ withPatients: true });
    const before = await office.get('visits.preview', draft({ departure: '08:30' }));
    expect(before.problems).toEqual({ departure: 'departure 2026-10-08 08:30 is not after arrival 2026-10-08 09:00' });
    expect(before.lines).toEqual([]);
    const long = await office.get('visits.preview', draft({ departureDate: '2026-10-09', departure: '09:01' }));
    expect(long.problems).toEqual({ departureDate: 'departure 2026-10-09 09:01 is more than 24 hours after arrival 2026-10-08 09:00' });
    const typo = await office.get('visits.preview', draft({ arrival: '9:0' }));
    expect(typo.problems).toEqual({ arrival: "'9:0' is not a time HH:MM (00:00 to 23:59)" });
  });

  it('warns about an unsigned visit (R-NV-7) and an LPN where the payer pays RNs only (R-NV-3)', async () => {
    office = openOffice({ withPatients: true });
    const p = await office.get('visits.preview', draft({ nurse: 'lpn-kim', signed: false }));
    expect(codes(p.lines)).toEqual(['99601 x 1']);
    expect(p.warnings).toEqual([
      'R-NV-3: This visit was made by Joon Kim (LPN); Blue Cross and Blue Shield of Texas pays 99601/99602 only for an RN',
      'R-NV-7: not signed yet, so it is not billed; sign it once the visit note is signed',
    ]);
  });

  it('shows the Medicare G code in 15-minute units, initial visit first (R-NV-4)', async () => {
    office = openOffice({
      withPatients: true,
      extra: {
        payers: [{ id: 'mcr', name: 'Medicare Part B', settings: { codeSet: 'medicare-hit', wasteModifiers: 'JW+JZ' } }],
        patients: [{ id: 'P3001', firstName: 'Ada', lastName: 'Moss', dob: '1940-01-01', sex: 'F', coverages: [{ payer: 'mcr', priority: 1, memberId: '1EG4TE5MK73' }] }],
        therapies: [
          { id: 'T9', patient: 'P3001', payer: 'mcr', category: 'antiInfective', route: 'IV', schedule: { everyDays: 2 }, start: '2026-10-01', diagnoses: ['A41.9'], prescriber: 'dr-lee', drugs: [] },
        ],
      },
    });
    const mcr = (over: Partial<VisitDraft>) => office.get('visits.preview', draft({ patient: 'P3001', therapy: 'T9', ...over }));
    // 68 minutes: floor((68 + 7) / 15) = 5; 67 minutes: 4
    const first = await mcr({ date: '2026-10-03', arrival: '09:00', departure: '10:08' });
    expect(codes(first.lines)).toEqual(['G0088 x 5']);
    await office.get('visits.save', draft({ patient: 'P3001', therapy: 'T9', date: '2026-10-03', arrival: '09:00', departure: '10:08' }));
    expect(codes((await mcr({ date: '2026-10-05', departure: '10:07' })).lines)).toEqual(['G0068 x 4']);
    const offDay = await mcr({ date: '2026-10-06' });
    expect(offDay.lines).toEqual([]);
    expect(offDay.warnings[0]).toBe('R-NV-4: This visit on 2026-10-06 is not on a dose day of therapy T9, so Medicare home infusion services are not billed for it');
  });

  it('bills NC Medicaid’s T1030 once a date, with the day’s first visit (R-NV-5)', async () => {
    office = openOffice({
      withPatients: true,
      extra: {
        payers: [{ id: 'wcnc', name: 'WellCare NC', settings: { codeSet: 'medicaid-nc', drugsOnMedicalClaim: false, selfAdministeredCovered: true } }],
        patients: [{ id: 'P4001', firstName: 'Ruth', lastName: 'Boone', dob: '1970-02-02', sex: 'F', coverages: [{ payer: 'wcnc', priority: 1, memberId: 'NC123' }] }],
        therapies: [
          { id: 'T20', patient: 'P4001', payer: 'wcnc', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, start: '2026-10-01', diagnoses: ['A41.9'], prescriber: 'dr-lee', drugs: [] },
        ],
      },
    });
    const nc = (over: Partial<VisitDraft>) => draft({ patient: 'P4001', therapy: 'T20', ...over });
    expect(codes((await office.get('visits.preview', nc({}))).lines)).toEqual(['T1030 x 1']);
    await office.get('visits.save', nc({ arrival: '08:00', departure: '09:00' }));
    const later = await office.get('visits.preview', nc({ arrival: '14:00', departure: '15:00' }));
    expect(later.lines).toEqual([]);
    expect(later.payer).toEqual({ id: 'wcnc', name: 'WellCare NC', codeSet: 'medicaid-nc' });
  });
});

describe('saving visits', () => {
  it('saves a visit with the next free id, then signs it', async () => {
    office = openOffice({ withPatients: true });
    const v = await office.get('visits.save', draft({ signed: false, notes: '  PICC dressing changed ' }));
    expect(v).toEqual({ ...draft({ signed: false }), id: 'V4', notes: 'PICC dressing changed', version: 1 });
    const signed = await office.get('visits.sign', { id: 'V4', signed: true });
    expect(signed.signed).toBe(true);
    const recent = await office.get('visits.recent', { patient: 'P1001' });
    expect(recent.map((r) => [r.id, r.signed, r.minutes])).toEqual([
      ['V4', true, 150],
      ['V1', true, 165],
    ]);
  });

  it('refuses a visit with impossible times or a therapy of another patient and writes nothing', async () => {
    office = openOffice({ withPatients: true });
    const r = await office.call('visits.save', draft({ therapy: 'T3', departure: '08:00' }));
    expect(!r.ok && r.error.fields).toEqual({
      departure: 'departure 2026-10-08 08:00 is not after arrival 2026-10-08 09:00',
    });
    const other = await office.call('visits.save', draft({ therapy: 'T3' }));
    expect(!other.ok && other.error.fields).toEqual({ therapy: "therapy 'T3' belongs to patient 'P1002', not 'P1001'" });
    expect(office.count('visits')).toBe(3);
  });

  it('lists only unsigned visits when asked', async () => {
    office = openOffice({ withPatients: true });
    const rows = await office.get('visits.recent', { unsignedOnly: true });
    expect(rows.map((r) => [r.id, r.patientName, r.nurseCredential, r.therapyLabel])).toEqual([
      ['V3', 'Silva, Mateo', 'LPN', 'Immunotherapy · Immune globulin 10% 100 mL · every 10 days'],
    ]);
  });
});
