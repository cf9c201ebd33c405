// The 837P pass table: what each segment id means (one row an id; an id without a row is
// checked for its place in the loop only) and what opening a loop ends.
import type { WalkHooks } from '../loopWalk.ts';
import { claim, diagnoses, drug, drugQuantity, finishClaim, lineNumber, reference, service, serviceDate } from './claims.ts';
import { hierarchy } from './hlTree.ts';
import { adjudicationDate, adjustment, endOtherPayer, lineAdjudication, otherAmount, otherRemarks, otherSubscriber } from './otherPayers.ts';
import { cityStateZip, demographics, name, patient, street, subscriber, taxonomy } from './parties.ts';
import type { Handler, Reading837 } from './reading.ts';

/** BHT04, the file's creation date: service dates after it are suspect. */
const fileDate: Handler = (s, _at, r) => {
  r.bht04 = s[4] ?? null;
};

function endLine(r: Reading837): void {
  r.line = null;
  endOtherPayer(r);
}

/** SBR is the subscriber in 2000B and an earlier payer in 2320; DTP a service date or a payer's adjudication date. */
const sbr: Handler = (s, at, r) => (at.loop === '2320' ? otherSubscriber : subscriber)(s, at, r);
const dtp: Handler = (s, at, r) => (at.loop === '2330B' || at.loop === '2430' ? adjudicationDate : serviceDate)(s, at, r);

const SEGMENTS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['BHT', fileDate],
  ['HL', hierarchy],
  ['SBR', sbr],
  ['PAT', patient],
  ['NM1', name],
  ['N3', street],
  ['N4', cityStateZip],
  ['DMG', demographics],
  ['PRV', taxonomy],
  ['REF', reference],
  ['CLM', claim],
  ['HI', diagnoses],
  ['LX', lineNumber],
  ['SV1', service],
  ['DTP', dtp],
  ['CAS', adjustment],
  ['AMT', otherAmount],
  ['MOA', otherRemarks],
  ['SVD', lineAdjudication],
  ['LIN', drug],
  ['CTP', drugQuantity],
]);

/** A new HL or claim ends the claim being read; a new line ends the line. */
const ON_OPEN: ReadonlyMap<string, (r: Reading837) => void> = new Map<string, (r: Reading837) => void>([
  ['2000A', finishClaim],
  ['2000B', finishClaim],
  ['2000C', finishClaim],
  ['2300', finishClaim],
  ['2400', endLine],
  ['2320', endOtherPayer],
]);

export function hooks837(r: Reading837): WalkHooks {
  return {
    open: (loop) => ON_OPEN.get(loop)?.(r),
    segment: (s, i, loop, parent) => SEGMENTS.get(s[0] ?? '')?.(s, { i, loop, parent }, r),
    end: () => finishClaim(r),
  };
}
