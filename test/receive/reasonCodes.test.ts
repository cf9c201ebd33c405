// CARC/RARC in our own words with a next step; the office's official list shown beside them.
import { describe, expect, it } from 'vitest';
import carc from '../../resources/codes/carc.json' with { type: 'json' };
import rarc from '../../resources/codes/rarc.json' with { type: 'json' };
import { plbWords } from '../../electron/receive/providerAdjustments.ts';
import { explain, loadOfficialCodes } from '../../electron/receive/reasonCodes.ts';

const REQUIRED_CARC = ['1', '2', '3', '4', '5', '16', '18', '22', '23', '24', '27', '29', '45', '50', '55', '59', '96', '97', '109', '119', '151', '167', '170', '181', '182', '185', '197', '198', '204', '226', '234', '242', '252', '253', 'A1'];
const REQUIRED_RARC = ['M15', 'M51', 'M119', 'MA04', 'MA130', 'N4', 'N19', 'N30', 'N56', 'N95', 'N130', 'N290', 'N362', 'N382', 'N517', 'N657'];

describe('reason codes', () => {
  it('has words and a next step for every CARC and RARC a home infusion office meets', () => {
    for (const c of REQUIRED_CARC) expect(carc.codes, c).toHaveProperty(c);
    for (const c of REQUIRED_RARC) expect(rarc.codes, c).toHaveProperty(c);
    for (const entry of [...Object.values(carc.codes), ...Object.values(rarc.codes)]) {
      expect(entry.words.length).toBeGreaterThan(15);
      expect(entry.nextStep.length).toBeGreaterThan(10);
    }
  });

  it('explains a CAS group and reason together', () => {
    expect(explain('CO', '45')).toEqual({
      group: 'CO', code: '45',
      words: "Contractual obligation: written off, not billable to the patient (CO-45): The charge is more than the payer's contracted or allowed amount; the difference is a contractual write-off.",
      nextStep: 'Write it off; the patient may not be billed for it. Compare the allowed amount with the contract fee.',
    });
    expect(explain('PR', '2').words).toBe('Patient responsibility: the patient or the next payer owes it (PR-2): The patient\'s coinsurance: their percentage share of the allowed amount.');
  });

  it('explains a remark code', () => {
    expect(explain('RARC', 'm119')).toMatchObject({ code: 'M119', words: 'Remark M119: The NDC is missing, incomplete, not valid or no longer active for the date.' });
  });

  it('shows an unknown code as itself', () => {
    expect(explain('OA', 'Z99')).toEqual({ group: 'OA', code: 'Z99', words: 'OA-Z99', nextStep: null });
    expect(explain('RARC', 'N9999')).toEqual({ group: 'RARC', code: 'N9999', words: 'N9999', nextStep: null });
  });

  it("reads the office's official list (CSV with quotes and a header, or TSV) and shows it beside ours", () => {
    const csv = 'Code,Description\n45,"Official text, with a comma ""quoted"""\r\nA1,Official A1\n';
    const tsv = 'M119\tOfficial M119\n\nN657\tOfficial N657\n';
    const official = { carc: loadOfficialCodes(csv), rarc: loadOfficialCodes(tsv) };
    expect([...official.carc]).toEqual([['45', 'Official text, with a comma "quoted"'], ['A1', 'Official A1']]);
    expect(explain('CO', '45', official).official).toBe('Official text, with a comma "quoted"');
    expect(explain('RARC', 'N657', official).official).toBe('Official N657');
    expect(explain('CO', '97', official)).not.toHaveProperty('official');
  });

  it('names PLB reasons with what their sign means, an unknown one as itself', () => {
    expect(plbWords('WO')).toBe("WO overpayment recovery: positive is money taken back now, negative a reversed claim's money not yet taken back");
    expect(plbWords('ZZ')).toBe('ZZ');
  });
});
