import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentType,
  decideNavigation,
  decidePermission,
  decideWebview,
  decideWindowOpen,
  resolveAppFile,
} from '../../electron/hosting/policy.ts';

const root = path.resolve('/opt/perdiem/renderer');

describe('navigation and window policy', () => {
  it('lets the window move between its own routes', () => {
    expect(decideNavigation('app://perdiem/index.html#/billing')).toBe('allow');
  });

  it.each(['https://example.com/', 'app://perdiem.evil/', 'file:///etc/passwd', 'http://127.0.0.1:3000/'])(
    'refuses navigation to %s',
    (url) => expect(decideNavigation(url)).toBe('deny'),
  );

  it('never opens new windows, not even for our own URL', () => {
    expect(decideWindowOpen('app://perdiem/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://example.com')).toEqual({ action: 'deny' });
  });

  it('never attaches a webview and grants no permission', () => {
    expect(decideWebview()).toBe('deny');
    expect(decidePermission('media')).toBe(false);
    expect(decidePermission('notifications')).toBe(false);
  });

  it('forbids inline and remote scripts in the Content-Security-Policy', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('serving app:// files', () => {
  it('serves index.html for the root and files below the renderer folder', () => {
    expect(resolveAppFile('app://perdiem/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://perdiem/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://perdiem/index.html?x=1#/billing', root)).toBe(path.join(root, 'index.html'));
  });

  it('collapses encoded dot segments inside the folder, as the URL parser does', () => {
    expect(resolveAppFile('app://perdiem/%2e%2e/%2e%2e/etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://perdiem/assets/..%2f..%2f..%2fetc/passwd',
    'app://perdiem/..%5c..%5cwindows',
    'app://perdiem/a%00.js',
    'app://perdiem.evil/index.html',
    'file:///opt/perdiem/renderer/index.html',
  ])('refuses %s', (url) => expect(resolveAppFile(url, root)).toBeNull());

  it('names the content type of what it serves', () => {
    expect(contentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/x/a.bin')).toBe('application/octet-stream');
  });
});
