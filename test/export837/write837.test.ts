// write837: envelope counts, X12-safe values, grouping of subscribers, provider loops, and the
// problems it reports (record + field) instead of writing a file a clearinghouse would reject.
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../../electron/domain/claims.ts';
import { decimal, money, stamp } from '../../electron/export/x12/format.ts';
import { X12InputError, type X12BatchInput } from '../../electron/export/x12/input.ts';
import { isValidNpi } from '../../electron/domain/npi.ts';
import { idProblem, toAscii, x12Text } from '../../electron/export/x12/text.ts';
import { claimProblems, write837 } from '../../electron/export/x12/write837.ts';
import { goldenInput } from './golden.ts';

const segs = (text: string) => text.split('~\n').filter((s) => s !== '');

function problemsOf(input: X12BatchInput): string[] {
  try {
    write837(input);
  } catch (e) {
    if (e instanceof X12InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an X12InputError');
}

function withClaim(change: (c: Claim) => Claim, name = 'subscriber-is-patient'): X12BatchInput {
  const input = goldenInput(name);
  return { ...input, claims: [change(input.claims[0]!), ...input.claims.slice(1)] };
}

function withLine(n: number, change: (l: ClaimLine) => ClaimLine): X12BatchInput {
  return withClaim((c) => ({ ...c, lines: c.lines.map((l, i) => (i === n - 1 ? change(l) : l)) }));
}

describe('envelope', () => {
  const { text, segments, transactionSegments } = write837(goldenInput('subscriber-is-patient'));
  const all = segs(text);

  it('writes a 106-character ISA with padded ids, the control number on 9 digits and usage T', () => {
    expect(all[0]!.length + 1).toBe(106);
    expect(all[0]).toBe('ISA*00*          *00*          *ZZ*SUMMITHIP      *ZZ*CLEARHOUSE01   *261102*0930*^*00501*000000101*0*T*:');
  });

  it('counts SE01 from ST to SE and closes GE/IEA with the same control numbers', () => {
    const st = all.findIndex((s) => s.startsWith('ST*'));
    const se = all.findIndex((s) => s.startsWith('SE*'));
    expect(all[se]).toBe(`SE*${se - st + 1}*0001`);
    expect(transactionSegments).toBe(se - st + 1);
    expect(all.slice(-2)).toEqual(['GE*1*101', 'IEA*1*000000101']);
    expect(segments).toBe(all.length);
  });

  it('dates the interchange, group and BHT from `now` as given', () => {
    expect(all[1]).toBe('GS*HC*SUMMITHIP*CLEARHOUSE01*20261102*0930*101*X*005010X222A1');
    expect(all[3]).toBe('BHT*0019*00*PD000101*20261102*0930*CH');
    expect(stamp('2026-01-05T23:07:59Z')).toEqual({ date8: '20260105', date6: '260105', time4: '2307' });
  });

  it('writes the file on one line when line breaks are off', () => {
    const one = write837({ ...goldenInput('subscriber-is-patient'), lineBreaks: false }).text;
    expect(one).not.toContain('\n');
    expect(one.replace(/~/g, '~\n')).toBe(text);
  });

  it('takes usage P and production ids from the clearinghouse settings', () => {
    const input = goldenInput('subscriber-is-patient');
    const ch = { ...input.records.clearinghouse!, usage: 'P' as const, senderId: 'S1X', receiverId: 'R2Y', submitterId: 'SUB99' };
    const out = segs(write837({ ...input, records: { ...input.records, clearinghouse: ch } }).text);
    expect(out[0]).toContain('*ZZ*S1X            *ZZ*R2Y            *');
    expect(out[0]!.split('*')[15]).toBe('P');
    expect(out).toContain('NM1*41*2*SUMMIT HOME INFUSION PHARMACY*****46*SUB99');
    expect(out).toContain('NM1*40*2*EXAMPLE CLEARINGHOUSE*****46*R2Y');
  });
});

describe('values made safe for X12', () => {
  it('transliterates accents and drops what has no ASCII form', () => {
    expect(toAscii('Éléonore Ñúñez Straße Øre Łódź 李')).toBe('Eleonore Nunez StraSSe Ore Lodz ');
    expect(x12Text('  josé*maría~o:brien^jr  ', 60)).toBe('JOSE MARIA O BRIEN JR');
    expect(x12Text('é'.repeat(40), 35)).toBe('E'.repeat(35));
    expect(x12Text('1200 Barton Springs Road Building', 14)).toBe('1200 BARTON SP');
    expect(x12Text('AB          CD', 7)).toBe('AB CD');
    expect(x12Text('Apt 4 — “rear”', 30)).toBe('APT 4 - "REAR"');
  });

  it('never changes an identifier, and names what makes one unsafe', () => {
    expect(idProblem('XOB123456789', 80)).toBeNull();
    expect(idProblem('AB*12', 80)).toBe("'AB*12' contains an X12 delimiter (* : ^ ~) or a line break");
    expect(idProblem('MÜ12', 80)).toBe("'MÜ12' contains characters outside plain ASCII");
    expect(idProblem('X'.repeat(51), 50)).toBe(`'${'X'.repeat(51)}' is longer than 50 characters`);
  });

  it('writes money from cents and quantities with at most 3 decimals, without trailing zeros', () => {
    expect([money(87400), money(87450), money(87405), money(5), money(0)]).toEqual(['874', '874.5', '874.05', '0.05', '0']);
    expect([decimal(0.75), decimal(1.3333333), decimal(100.5), decimal(2), decimal(0.0005), decimal(12.05)]).toEqual(['0.75', '1.333', '100.5', '2', '0.001', '12.05']);
  });

  it('checks the NPI check digit with the 80840 prefix', () => {
    expect(['1234567893', '1992753883', '1456789019'].map(isValidNpi)).toEqual([true, true, true]);
    expect(['1234567890', '123456789', '12345678931'].map(isValidNpi)).toEqual([false, false, false]);
  });
});

describe('loops', () => {
  it('writes the billing provider with taxonomy, NPI, street address with ZIP+4 and EIN', () => {
    const all = segs(write837(goldenInput('subscriber-is-patient')).text);
    const at = all.indexOf('HL*1**20*1');
    expect(all.slice(at, at + 6)).toEqual([
      'HL*1**20*1',
      'PRV*BI*PXC*3336H0001X',
      'NM1*85*2*SUMMIT HOME INFUSION PHARMACY*****XX*1234567893',
      'N3*1200 BARTON SPRINGS RD',
      'N4*AUSTIN*TX*787041234',
      'REF*EI*741234567',
    ]);
  });

  it('puts a patient who is the subscriber in 2010BA with DMG and SBR02 18', () => {
    const all = segs(write837(goldenInput('subscriber-is-patient')).text);
    const at = all.indexOf('HL*2*1*22*0');
    expect(all.slice(at, at + 8)).toEqual([
      'HL*2*1*22*0',
      'SBR*P*18*G100******BL',
      'NM1*IL*1*GARZA*HELEN****MI*XOB123456789',
      'N3*44 OAK HOLLOW DR',
      'N4*ROUND ROCK*TX*78664',
      'DMG*D8*19560314*F',
      'NM1*PR*2*BLUE CROSS AND BLUE SHIELD OF TEXAS*****PI*84980',
      'CLM*C2610P1001A*792***12:B:1*Y*A*Y*Y',
    ]);
  });

  it('puts two dependents of one subscriber under one 2000B, each in a 2000C with PAT01 19', () => {
    const all = segs(write837(goldenInput('dependent-patient')).text);
    expect(all.filter((s) => s.startsWith('HL*'))).toEqual(['HL*1**20*1', 'HL*2*1*22*1', 'HL*3*2*23*0', 'HL*4*2*23*0']);
    expect(all.filter((s) => s.startsWith('PAT*'))).toEqual(['PAT*19', 'PAT*19']);
    expect(all).toContain('SBR*P********CI');
    expect(all).toContain('NM1*QC*1*SILVA*SOFIA*INES');
    expect(all.filter((s) => s.startsWith('DMG*'))).toEqual(['DMG*D8*20120702*M', 'DMG*D8*20150109*F']);
  });

  it('writes PAT01 01 for a spouse and G8 for another relationship', () => {
    for (const [relationship, pat] of [['spouse', 'PAT*01'], ['other', 'PAT*G8']] as const) {
      const input = goldenInput('dependent-patient');
      const patients = input.records.patients.map((p) => ({ ...p, coverages: p.coverages.map((c) => ({ ...c, relationship })) }));
      const all = segs(write837({ ...input, records: { ...input.records, patients } }).text);
      expect(all.filter((s) => s.startsWith('PAT*'))).toEqual([pat, pat]);
    }
  });

  it('starts a new 2000B after 100 claims of one subscriber and payer', () => {
    const all = segs(write837(goldenInput('over-100-claims')).text);
    expect(all.filter((s) => s.startsWith('HL*'))).toEqual(['HL*1**20*1', 'HL*2*1*22*0', 'HL*3*1*22*0']);
    const second = all.indexOf('HL*3*1*22*0');
    expect(all.slice(0, second).filter((s) => s.startsWith('CLM*'))).toHaveLength(100);
    expect(all.slice(second).filter((s) => s.startsWith('CLM*'))).toEqual(['CLM*C26P1001N101*110***12:B:1*Y*A*Y*Y']);
  });

  it('writes a claim of exactly 50 lines, and its continuation as a second claim', () => {
    const all = segs(write837(goldenInput('split-50-lines')).text);
    const second = all.findIndex((s) => s.startsWith('CLM*C2610P1001B'));
    expect(all.slice(0, second).filter((s) => s.startsWith('LX*')).at(-1)).toBe('LX*50');
    expect(all.slice(second).filter((s) => s.startsWith('LX*'))).toHaveLength(12);
  });

  it('groups the claims of each payer and priority under their own subscriber loop', () => {
    const all = segs(write837(goldenInput('two-payers')).text);
    expect(all.filter((s) => s.startsWith('SBR*') || s.startsWith('NM1*PR') || s.startsWith('CLM*'))).toEqual([
      'SBR*P*18*G100******BL',
      'NM1*PR*2*BLUE CROSS AND BLUE SHIELD OF TEXAS*****PI*84980',
      'CLM*C2610P1001A*144***12:B:1*Y*A*Y*Y',
      'SBR*P********CI',
      'NM1*PR*2*ALLWAYS HEALTH PARTNERS*****PI*04293',
      'CLM*C2610P1002A*165***12:B:1*Y*A*Y*Y',
      'SBR*S*18*******CI',
      'NM1*PR*2*ALLWAYS HEALTH PARTNERS*****PI*04293',
      'CLM*C2610P1001S*120***12:B:1*Y*A*Y*Y',
    ]);
  });

  it('writes the claim with prior authorization, diagnoses without dots and the prescriber as referring provider', () => {
    const input = withClaim((c) => ({ ...c, diagnoses: ['L03.115', 'E86.0'] }));
    const all = segs(write837(input).text);
    const at = all.findIndex((s) => s.startsWith('CLM*'));
    expect(all.slice(at, at + 4)).toEqual([
      'CLM*C2610P1001A*792***12:B:1*Y*A*Y*Y',
      'REF*G1*PA778899',
      'HI*ABK:L03115*ABF:E860',
      'NM1*DN*1*LEE*ANN****XX*1992753883',
    ]);
  });

  it('writes replacement and void claims with frequency 7 and 8 and REF*F8 after REF*G1', () => {
    const all = segs(write837(goldenInput('replacement-and-void')).text);
    const claims = all.filter((s) => /^(CLM|REF\*(G1|F8))/.test(s));
    expect(claims).toEqual([
      'CLM*C2609P1001A*220***12:B:7*Y*A*Y*Y', 'REF*G1*PA778899', 'REF*F8*2026273000123',
      'CLM*C2608P1001A*110***12:B:8*Y*A*Y*Y', 'REF*G1*PA778899', 'REF*F8*2026245000077',
    ]);
  });

  it('writes a service line with modifiers, pointers as HI positions, the date and a unique line control number', () => {
    const all = segs(write837(goldenInput('subscriber-is-patient')).text);
    const at = all.indexOf('LX*3');
    expect(all.slice(at, at + 6)).toEqual([
      'LX*3', 'SV1*HC:J0696:JW*8.5*UN*2***1:2', 'DTP*472*D8*20261001', 'REF*6R*C2610P1001A-3', 'LIN**N4*00409733201', 'CTP****0.25*UN',
    ]);
    const refs = all.filter((s) => s.startsWith('REF*6R*'));
    expect(new Set(refs).size).toBe(refs.length);
    expect(all).toContain('SV1*HC:S9375:SH*90*UN*1***2');
  });

  it('writes a span of days as RD8 with units = days', () => {
    const all = segs(write837(goldenInput('line-spans')).text);
    expect(all.filter((s) => s.startsWith('SV1') || s.startsWith('DTP'))).toEqual([
      'SV1*HC:S9500*330*UN*3***1:2', 'DTP*472*RD8*20261001-20261003',
      'SV1*HC:S9500*770*UN*7***1:2', 'DTP*472*RD8*20261004-20261010',
      'SV1*HC:S9500*110*UN*1***1:2', 'DTP*472*D8*20261011',
      'SV1*HC:S9365*1575*UN*7***2', 'DTP*472*RD8*20261025-20261031',
    ]);
  });

  it('names the nurse in 2420A only when her NPI differs from the billing NPI', () => {
    const all = segs(write837(goldenInput('subscriber-is-patient')).text);
    expect(all.filter((s) => s.startsWith('NM1*82'))).toEqual(['NM1*82*1*ORTIZ*MARIA****XX*1456789019', 'NM1*82*1*ORTIZ*MARIA****XX*1456789019']);
    expect(all[all.indexOf('LX*4') + 4]).toBe('NM1*82*1*ORTIZ*MARIA****XX*1456789019');
    const own = withLine(4, (l) => ({ ...l, renderingNpi: '1234567893' }));
    expect(segs(write837(own).text).filter((s) => s.startsWith('NM1*82'))).toHaveLength(1);
    const dep = segs(write837(goldenInput('dependent-patient')).text);
    expect(dep.filter((s) => s.startsWith('NM1*82'))).toEqual([]);
  });

  it('writes the drug quantity with 3 decimals at most and the NDC unit', () => {
    const all = segs(write837(goldenInput('drugs-jw-jz')).text);
    expect(all.filter((s) => s.startsWith('CTP'))).toEqual([
      'CTP****0.75*UN', 'CTP****0.25*UN', 'CTP****1.333*UN', 'CTP****100.5*ML', 'CTP****250*ML', 'CTP****500*F2', 'CTP****12.05*ME',
    ]);
    expect(all.filter((s) => s.startsWith('SV1*HC:J0696') || s.startsWith('SV1*HC:J3370'))).toEqual([
      'SV1*HC:J0696:KP*25.5*UN*6***1:2', 'SV1*HC:J0696:KP:JW*8.5*UN*2***1:2', 'SV1*HC:J3370:KQ:JZ*28.5*UN*3***1:2',
    ]);
  });
});

describe('problems instead of a rejected file', () => {
  it('names the claim line and field of every problem at once', () => {
    const input = withClaim((c) => ({
      ...c,
      lines: c.lines.map((l, i) =>
        i === 1 ? { ...l, ndc: null } : i === 2 ? { ...l, pointers: ['A', 'C'] } : i === 3 ? { ...l, modifiers: ['J'] } : l,
      ),
    }));
    expect(problemsOf(input)).toEqual([
      'claims[C2610P1001A].lines[2].ndc: J0696 is a drug line (drug) without an NDC; an 837P drug line needs LIN/CTP with the 11-digit NDC',
      "claims[C2610P1001A].lines[3].pointers[1]: 'C' does not point at a diagnosis of the claim",
      "claims[C2610P1001A].lines[4].modifiers[0]: 'J' is not a 2-character modifier",
    ]);
  });

  it('refuses a replacement without the payer claim number, a total that is not the sum, and more than 50 lines', () => {
    const c = goldenInput('split-50-lines').claims;
    const big = { ...c[0]!, lines: [...c[0]!.lines, ...c[1]!.lines.slice(0, 1)], frequency: '7' as const };
    expect(problemsOf({ ...goldenInput('split-50-lines'), claims: [big] })).toEqual([
      'claims[C2610P1001A].lines: has 51 lines; an 837P claim holds 1 to 50',
      `claims[C2610P1001A].totalCents: ${c[0]!.totalCents} is not the sum of its lines (${big.lines.reduce((s, l) => s + l.chargeCents, 0)})`,
      'claims[C2610P1001A].originalClaimNumber: is missing',
    ]);
  });

  it('refuses a billing provider without ZIP+4, with a PO box or a bad NPI', () => {
    const input = goldenInput('subscriber-is-patient');
    const organization = { ...input.records.organization!, npi: '1234567890', address: { line1: 'PO Box 12', city: 'Austin', state: 'TX', zip: '78704' } };
    expect(problemsOf({ ...input, records: { ...input.records, organization } })).toEqual([
      "organization.address.zip: '78704' is not a 9-digit ZIP+4 (the billing provider needs all 9 digits)",
      "organization.address: 'PO BOX 12' is a PO box; the billing provider needs a street address",
      "organization.npi: '1234567890' is not a valid NPI (10 digits, Luhn check digit)",
    ]);
  });

  it('refuses a name with nothing that can be sent, a missing payer id and a dependent without address', () => {
    const input = goldenInput('dependent-patient');
    const patients = input.records.patients.map((p) => (p.id === 'P1002' ? { ...p, lastName: '李', address: null } : p));
    const payers = input.records.payers.map((p) => ({ ...p, payerId: null }));
    const problems = problemsOf({ ...input, records: { ...input.records, patients, payers } });
    expect(problems).toEqual(expect.arrayContaining([
      'payers[allways].payerId: is missing',
      "patients[P1002].lastName: '李' has nothing that can be sent in X12",
      'patients[P1002].address: is missing',
    ]));
  });

  it('checks one claim alone for the export gate with the same loops', () => {
    const input = withLine(2, (l) => ({ ...l, ndcQty: 0 }));
    expect(claimProblems(input.claims[0]!, input.records)).toEqual(['claims[C2610P1001A].lines[2].ndcQty: 0 is not a quantity above 0']);
    expect(claimProblems(goldenInput('subscriber-is-patient').claims[0]!, input.records)).toEqual([]);
  });

  it('refuses a control number out of range', () => {
    const input = goldenInput('subscriber-is-patient');
    expect(problemsOf({ ...input, control: { ...input.control, interchange: 1_000_000_000 } })).toEqual(['control.interchange: 1000000000 is not a control number (1 … 999999999)']);
  });
});
