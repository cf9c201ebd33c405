// The shell's security decisions as pure functions (no electron import) so each can be tested:
// where the window may navigate, what a new-window request gets, which file an app:// URL serves,
// and the Content-Security-Policy sent with every page.
import path from 'node:path';
import { isTrustedSender } from './senderCheck.ts';

/** No inline scripts, no remote anything; styles inline only because Svelte sets style attributes. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

export type NavigationDecision = 'allow' | 'deny';

/** In-app navigation (hash routes, reload) stays inside app://perdiem; everything else is refused. */
export function decideNavigation(url: string): NavigationDecision {
  return isTrustedSender(url) ? 'allow' : 'deny';
}

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** <webview> is never attached. */
export function decideWebview(): 'deny' {
  return 'deny';
}

/** Permission requests (camera, notifications, …): none are needed. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/**
 * The file under `root` that an app://perdiem/… request asks for, or null when the URL is not
 * ours or escapes the folder. `/` serves index.html.
 */
export function resolveAppFile(url: string, root: string): string | null {
  if (!isTrustedSender(url)) return null;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  return resolveUnderRoot(pathname, root);
}

/** A request path as a file under root (`/` is index.html), or null: no NUL, no backslash, nothing outside root. */
export function resolveUnderRoot(pathname: string, root: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
