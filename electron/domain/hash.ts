// A small, dependency-free 64-bit hash (two FNV-1a lanes) for stable claim ids and fact hashes.
// Not cryptographic: it only has to be stable across runs and collide rarely.
function lanes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/** 64 bits as 14 base-36 characters (fact hashes, warning hashes). */
export function hash64(text: string): string {
  const [a, b] = lanes(text);
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

// Crockford's base-32: upper case without I, L, O and U, so an id read off a printed form
// (CMS-1500 item 26 is printed in capitals) or over the phone is typed back unambiguously.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++, value = Math.floor(value / 32)) out = CROCKFORD[value % 32]! + out;
  return out;
}

/** 60 bits as 12 upper-case Crockford base-32 characters: short claim ids (R-CL-7). */
export function hash60(text: string): string {
  const [a, b] = lanes(text);
  return base32(a >>> 2, 6) + base32(b >>> 2, 6);
}
