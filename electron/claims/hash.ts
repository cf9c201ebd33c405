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

/** 60 bits as 12 lower-case base-32 characters (0-9, a-v): short claim ids (R-CL-7). */
export function hash60(text: string): string {
  const [a, b] = lanes(text);
  return (a >>> 2).toString(32).padStart(6, '0') + (b >>> 2).toString(32).padStart(6, '0');
}
