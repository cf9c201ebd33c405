// read837 catches what a clearinghouse rejects: each mutation of a valid file is reported
// (the unmutated file reads clean, so every error below comes from the mutation).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read837 } from '../../electron/export/x12/read837.ts';
import { GOLDEN_DIR } from './golden.ts';

const home = readFileSync(path.join(GOLDEN_DIR, 'subscriber-is-patient.x12'), 'latin1');
const dep = readFileSync(path.join(GOLDEN_DIR, 'dependent-patient.x12'), 'latin1');
const repl = readFileSync(path.join(GOLDEN_DIR, 'replacement-and-void.x12'), 'latin1');

/** Replace one segment (exact text) and fix SE01 so only the intended error remains. */
function mutate(text: string, from: string, to: string | null, fixSe = true): string {
  const segs = text.split('~\n');
  const i = segs.indexOf(from);
  if (i < 0) throw new Error(`no segment ${from}`);
  if (to === null) segs.splice(i, 1);
  else segs.splice(i, 1, ...to.split('~\n'));
  if (fixSe) {
    const st = segs.findIndex((s) => s.startsWith('ST*'));
    const se = segs.findIndex((s) => s.startsWith('SE*'));
    segs[se] = `SE*${se - st + 1}*${segs[se]!.split('*')[2]}`;
  }
  return segs.join('~\n');
}

const messages = (text: string) => read837(text).errors.map((e) => `${e.id}: ${e.message}`);

describe('read837', () => {
  it('reads the golden files clean and gives back claims, lines and control numbers', () => {
    const r = read837(home);
    expect(r.errors).toEqual([]);
    expect(r.interchangeControlNumber).toBe('000000101');
    expect(r.transactionControlNumber).toBe('0001');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect([c.id, c.totalCents, c.frequency, c.placeOfService, c.priorAuth, c.diagnoses, c.referringNpi, c.payerId, c.memberId]).toEqual([
      'C2610P1001A', 79200, '1', '12', 'PA778899', ['L03115', 'E860'], '1992753883', '84980', 'XOB123456789',
    ]);
    expect(c.lines[2]).toEqual({
      n: 3, code: 'J0696', modifiers: ['JW'], chargeCents: 850, units: 2, pointers: [1, 2], from: '2026-10-01', to: '2026-10-01',
      lineControlNumber: 'C2610P1001A-3', ndc: '00409733201', ndcQty: 0.25, ndcUnit: 'UN', renderingNpi: null, adjudications: [],
    });
    expect(c.lines[3]!.renderingNpi).toBe('1456789019');
    expect(read837(dep).claims.map((x) => x.patientRelationship)).toEqual(['19', '19']);
    expect(read837(dep).errors).toEqual([]);
    expect(read837(repl).errors).toEqual([]);
  });

  it('catches a wrong SE01, GE01, IEA control number and ST/SE mismatch', () => {
    expect(messages(mutate(home, 'REF*6R*C2610P1001A-12', 'REF*6R*C2610P1001A-12~\nNTE*ADD*X', false))).toEqual(['SE: SE01 85 is wrong: ST … SE holds 86 segments']);
    expect(messages(home.replace('GE*1*101', 'GE*2*101'))).toEqual(['GE: GE01 2 is not the number of ST transactions']);
    expect(messages(home.replace('IEA*1*000000101', 'IEA*1*000000102'))).toEqual(['IEA: IEA02 000000102 does not match ISA13 000000101']);
    expect(messages(home.replace('SE*85*0001', 'SE*85*0002'))).toEqual(['SE: SE02 0002 does not match ST02 0001']);
  });

  it('catches an ISA that is not 106 characters', () => {
    expect(messages(home.replace('*ZZ*SUMMITHIP      *', '*ZZ*SUMMITHIP*'))[0]).toMatch(/ISA/);
  });

  it('catches segments out of order and a loop in the wrong place', () => {
    const swap = (t: string, a: string, b: string) => t.replace(`${a}~\n${b}~`, `${b}~\n${a}~`);
    expect(messages(swap(home, 'N3*1200 BARTON SPRINGS RD', 'N4*AUSTIN*TX*787041234'))).toEqual([
      'N3: N3 is out of order in loop 2010AA (after N4)',
    ]);
    expect(messages(swap(home, 'REF*6R*C2610P1001A-2', 'LIN**N4*00409733201'))).toEqual(['REF: REF*6R is not allowed in loop 2410', 'CTP: CTP is out of order in loop 2410 (after REF)']);
    expect(messages(swap(home, 'REF*G1*PA778899', 'HI*ABK:L03115*ABF:E860'))).toEqual([
      'REF: REF is out of order in loop 2300 (after HI)',
    ]);
    expect(messages(mutate(home, 'DTP*472*D8*20261001', null)).some((m) => m.includes('lacks its required DTP'))).toBe(true);
  });

  it('catches HL numbering, parents and HL04 that does not match the children', () => {
    expect(messages(home.replace('HL*2*1*22*0', 'HL*3*1*22*0'))).toEqual(['HL: HL01 3 out of sequence (expected 2)']);
    expect(messages(home.replace('HL*2*1*22*0', 'HL*2*1*22*1'))).toEqual(['HL: HL04 1 but the HL has no children']);
    expect(messages(dep.replace('HL*3*2*23*0', 'HL*3*1*23*0'))).toContain('HL: HL02 1 is not the open HL of level 22');
  });

  it('catches SBR02 and 2000C that disagree, and a missing DMG', () => {
    expect(messages(dep.replace('SBR*P********CI', 'SBR*P*18*******CI'))).toEqual(['HL: a 2000C follows, so SBR02 must be empty']);
    expect(messages(home.replace('SBR*P*18*G100******BL', 'SBR*P**G100******BL'))).toEqual([
      'HL: no 2000C follows, so the patient is the subscriber: SBR02 must be 18',
    ]);
    expect(messages(mutate(home, 'DMG*D8*19560314*F', null))).toEqual(['HL: the patient is the subscriber: 2010BA needs DMG']);
  });

  it('catches LX out of sequence, CLM02 not the sum of the lines and pointers without a diagnosis', () => {
    expect(messages(home.replace('LX*5', 'LX*6'))).toContain('LX: LX01 6 out of sequence (expected 5)');
    expect(messages(home.replace('CLM*C2610P1001A*792*', 'CLM*C2610P1001A*793*'))).toEqual(['CLM: CLM02 793 is not the sum of SV102 (792)']);
    expect(messages(home.replace('SV1*HC:S9375:SH*90*UN*1***2', 'SV1*HC:S9375:SH*90*UN*1***3'))).toEqual(['LX: line 12: pointer 3 has no diagnosis in HI']);
    expect(messages(home.replace('SV1*HC:S9375:SH*90*UN*1***2', 'SV1*HC:S9375:SH*90.001*UN*1***2'))[0]).toMatch(/SV102 '90.001'/);
  });

  it('catches a J-code without LIN/CTP, an NDC that is not 11 digits and a zero quantity', () => {
    const noNdc = mutate(mutate(home, 'LIN**N4*00409733201', null), 'CTP****0.75*UN', null);
    expect(messages(noNdc)).toContain('LX: line 2: J0696 is a J-code line without 2410 LIN/CTP');
    expect(messages(home.replace('LIN**N4*00409733201', 'LIN**N4*0409-7332-01'))).toContain("LIN: NDC '0409-7332-01' is not 11 digits");
    expect(messages(home.replace('CTP****0.75*UN', 'CTP****0*UN'))).toEqual(["CTP: CTP04 '0' is not a quantity above 0 with at most 3 decimals"]);
  });

  it('catches an NPI that fails the check digit and a billing ZIP without the +4', () => {
    expect(messages(home.replace('XX*1992753883', 'XX*1992753884'))).toEqual(["NM1: NPI '1992753884' fails the check digit"]);
    expect(messages(home.replace('N4*AUSTIN*TX*787041234', 'N4*AUSTIN*TX*78704'))).toEqual(["N4: billing provider ZIP '78704' is not 9 digits (ZIP+4)"]);
  });

  it('warns of a service date after the file date and a taxonomy that is not NUCC-shaped', () => {
    const late = read837(home.replace('BHT*0019*00*PD000101*20261102', 'BHT*0019*00*PD000101*20261002'));
    expect(late.errors).toEqual([]);
    expect(late.warnings.map((w) => w.message)).toContain('service date 20261003 is after the file\'s creation date 20261002');
    expect(read837(home.replace('PRV*BI*PXC*3336H0001X', 'PRV*BI*PXC*PHARMACY')).warnings.map((w) => w.message)).toEqual([
      "taxonomy 'PHARMACY' does not look like a NUCC code",
    ]);
  });

  it('catches a replacement or void without REF*F8', () => {
    expect(messages(mutate(repl, 'REF*F8*2026273000123', null))).toEqual(['CLM: frequency 7 (replacement/void) without REF*F8 payer claim control number']);
  });

  it('catches trailing separators, spaces and non-ASCII bytes', () => {
    expect(messages(home.replace('REF*G1*PA778899', 'REF*G1*PA778899*'))).toContain('REF: trailing element separator');
    expect(messages(home.replace('NM1*IL*1*GARZA*', 'NM1*IL*1*GARZA *'))).toContain("NM1: element 'GARZA ' has leading or trailing spaces");
    expect(read837(home.replace('GARZA', 'GÁRZA')).errors[0]!.message).toMatch(/non-ASCII/);
  });
});
