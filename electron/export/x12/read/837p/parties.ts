// Who the claims are from and for: names and ids (NM1), addresses (N3/N4), demographics (DMG),
// taxonomy (PRV), the subscriber (SBR) and the patient (PAT), checked as payers check them.
import { isValidNpi } from '../../../../domain/npi.ts';
import { isRealDate } from '../../format.ts';
import { d8ToIso } from '../values.ts';
import type { Handler } from './reading.ts';

export const name: Handler = (s, at, r) => {
  const { loop } = at;
  if (s[8] === 'XX' && !isValidNpi(s[9] ?? '')) r.error(at, `NPI '${s[9]}' fails the check digit`);
  if (loop === '2010AA' && s[8] !== 'XX') r.error(at, 'the billing provider has no NPI');
  if (loop === '2010BA') r.memberId = s[9] ?? null;
  if (loop === '2010BB') r.payerId = s[9] ?? null;
  if (loop === '2310A' && r.claim) r.claim.referringNpi = s[9] ?? null;
  if (loop === '2420A' && r.line) r.line.renderingNpi = s[9] ?? null;
  if (loop === '2330A' && r.otherPayer) r.otherPayer.memberId = s[9] ?? null;
  if (loop === '2330B' && r.otherPayer) {
    r.otherPayer.payerName = s[3] ?? null;
    r.otherPayer.payerId = s[9] ?? null;
  }
};

export const street: Handler = (s, at, r) => {
  if (at.loop === '2010AA' && /\bP\.?\s*O\.?\s*BOX\b/i.test(s.slice(1).join(' '))) r.error(at, 'the billing provider address is a PO box');
};

/** Billing provider and service facility ZIPs must carry the +4; anyone else's may. */
export const cityStateZip: Handler = (s, at, r) => {
  const { loop } = at;
  if ((loop === '2010AA' || loop === '2310C' || loop === '2420C') && !/^\d{9}$/.test(s[3] ?? '')) {
    r.error(at, `${loop === '2010AA' ? 'billing provider' : 'service facility'} ZIP '${s[3]}' is not 9 digits (ZIP+4)`);
  } else if (s[3] && !/^\d{5}(\d{4})?$/.test(s[3])) r.warning(at, `ZIP '${s[3]}' is not 5 or 9 digits`);
};

export const demographics: Handler = (s, at, r) => {
  if (at.loop === '2010BA' && r.currentHl) r.currentHl.dmg = true;
  if (!isRealDate(d8ToIso(s[2] ?? ''))) r.error(at, `DMG02 '${s[2]}' is not a real date`);
};

export const taxonomy: Handler = (s, at, r) => {
  if (!/^[0-9A-Z]{9}X$/.test(s[3] ?? '')) r.warning(at, `taxonomy '${s[3]}' does not look like a NUCC code`);
};

export const subscriber: Handler = (s, at, r) => {
  if (r.currentHl) r.currentHl.sbr02 = s[2] ?? '';
  if (!s[9]) r.warning(at, 'SBR09 claim filing indicator is empty');
};

export const patient: Handler = (s, at, r) => {
  r.relationship = s[1] ?? null;
  if (s[1] === '18') r.error(at, 'PAT01 18 (self) is not allowed in 2000C');
};
