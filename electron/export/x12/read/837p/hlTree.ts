// The HL tree: 2000A billing provider, 2000B subscriber, 2000C patient. Numbering and parents are
// checked as each HL is read; HL04, SBR02 and the claim counts need the whole tree, so they are
// checked once the walk is done.
import { MAX_CLAIMS_PER_SUBSCRIBER } from '../../limits.ts';
import type { Handler, Reading837 } from './reading.ts';

export const hierarchy: Handler = (s, at, r) => {
  const { loop } = at;
  const n = Number(s[1]);
  if (n !== r.expectHl) r.error(at, `HL01 ${s[1]} out of sequence (expected ${r.expectHl})`);
  r.expectHl = n + 1;
  const parent = s[2] ? Number(s[2]) : null;
  // HL03 the parent must have; the billing provider has none.
  const wantParent = loop === '2000A' ? null : loop === '2000B' ? '20' : '22';
  if (wantParent === null && parent !== null) r.error(at, 'the billing provider HL has a parent');
  if (wantParent !== null) {
    const ph = parent === null ? undefined : r.hls.get(parent);
    // HL02 must name the HL whose loop is open around this one, not just any HL of the right level.
    const openParent = at.parent ? Number(r.segments[at.parent.at]?.[1]) : undefined;
    if (!ph || ph.level !== wantParent || openParent !== parent) r.error(at, `HL02 ${s[2] ?? ''} is not the open HL of level ${wantParent}`);
    else ph.children++;
  }
  r.currentHl = { id: n, parent, level: s[3] ?? '', childFlag: s[4] ?? '', at: at.i, children: 0, claims: 0, hasPatient: false, sbr02: null, dmg: false };
  r.hls.set(n, r.currentHl);
  if (loop === '2000C' && parent !== null) {
    const sub = r.hls.get(parent);
    if (sub) sub.hasPatient = true;
  }
  if (loop === '2000B') r.relationship = null;
};

export function checkHlTree(r: Reading837, st: number): void {
  const err = (i: number, loop: string, message: string) => r.issues.error(i, loop, message);
  for (const h of r.hls.values()) {
    const hasChildren = h.children > 0;
    if ((h.childFlag === '1') !== hasChildren) err(h.at, '', `HL04 ${h.childFlag} but the HL ${hasChildren ? 'has' : 'has no'} children`);
    if (h.level === '22') {
      if (h.hasPatient && h.sbr02 !== '') err(h.at, '2000B', 'a 2000C follows, so SBR02 must be empty');
      if (!h.hasPatient && h.sbr02 !== '18') err(h.at, '2000B', 'no 2000C follows, so the patient is the subscriber: SBR02 must be 18');
      if (!h.hasPatient && !h.dmg) err(h.at, '2000B', 'the patient is the subscriber: 2010BA needs DMG');
      if (h.claims > MAX_CLAIMS_PER_SUBSCRIBER) err(h.at, '2000B', `${h.claims} claims; at most ${MAX_CLAIMS_PER_SUBSCRIBER} per 2000B`);
      if (h.claims > 0 && h.hasPatient) err(h.at, '2000B', 'claims directly under a 2000B that also has a 2000C');
    }
    if (h.level === '23' && h.claims > MAX_CLAIMS_PER_SUBSCRIBER) err(h.at, '2000C', `${h.claims} claims; at most ${MAX_CLAIMS_PER_SUBSCRIBER}`);
    if (h.level === '23' && h.claims === 0) err(h.at, '2000C', 'a 2000C without claims');
  }
  if (![...r.hls.values()].some((h) => h.level === '20')) err(st, 'HEADER', 'no 2000A billing provider');
}
