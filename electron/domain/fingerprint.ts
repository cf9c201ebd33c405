// The office server's certificate fingerprint as people type it and as each client compares it.
// No Node imports: the renderer's join screen checks what was typed with the same rule.

/** A fingerprint as typed (any case, with or without colons or spaces) in the `AA:BB:…` form; null when it is not 32 bytes of hex. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** The office server's usual port: `perdiem serve`'s and "Host this office"'s default, and a typed address's without one. */
export const OFFICE_SERVER_PORT = 5443;

/** An office server address as typed: `host`, `host:port` or `https://host:port/`, as `https://host:port`; null when it is not one. */
export function normalizeServerAddress(text: string, defaultPort = OFFICE_SERVER_PORT): string | null {
  const t = text.trim();
  if (t === '') return null;
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(t) ? t : `https://${t}`);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) return null;
  return `https://${u.hostname}:${u.port || defaultPort}`;
}
