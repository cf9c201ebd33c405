// Who may call the handler table over IPC: only our own UI, served from app://perdiem.
// Parsed with new URL() and compared part by part, never with startsWith/includes, so
// `app://perdiem.evil`, `app://perdiem@evil`, `app://evil/perdiem` and friends are refused.

export const APP_SCHEME = 'app';
export const APP_HOST = 'perdiem';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isTrustedSender(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}
