// A small, dependency-free 64-bit hash (two FNV-1a lanes) for stable claim ids and fact hashes.
// Not cryptographic: it only has to be stable across runs and collide rarely.
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hi = (a >>> 0).toString(36).padStart(7, '0');
  const lo = (b >>> 0).toString(36).padStart(7, '0');
  return hi + lo;
}
