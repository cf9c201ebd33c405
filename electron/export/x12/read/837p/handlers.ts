// The 837P pass table: what each segment id means (one row an id; an id without a row is
// checked for its place in the loop only) and what opening a loop ends.
import type { WalkHooks } from '../loopWalk.ts';
import { claim, diagnoses, drug, drugQuantity, finishClaim, lineNumber, reference, service, serviceDate } from './claims.ts';
import { hierarchy } from './hlTree.ts';
import { cityStateZip, demographics, name, patient, street, subscriber, taxonomy } from './parties.ts';
import type { Handler, Reading837 } from './reading.ts';

/** BHT04, the file's creation date: service dates after it are suspect. */
const fileDate: Handler = (s, _at, r) => {
  r.bht04 = s[4] ?? null;
};

function endLine(r: Reading837): void {
  r.line = null;
}

const SEGMENTS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['BHT', fileDate],
  ['HL', hierarchy],
  ['SBR', subscriber],
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
  ['DTP', serviceDate],
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
]);

export function hooks837(r: Reading837): WalkHooks {
  return {
    open: (loop) => ON_OPEN.get(loop)?.(r),
    segment: (s, i, loop, parent) => SEGMENTS.get(s[0] ?? '')?.(s, { i, loop, parent }, r),
    end: () => finishClaim(r),
  };
}
