import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/hosting/senderCheck.ts';

describe('the IPC sender check', () => {
  it.each(['app://perdiem/index.html', 'app://perdiem/', 'app://perdiem/index.html#/billing?claim=C1', 'app://perdiem'])(
    'trusts our own page %s',
    (url) => expect(isTrustedSender(url)).toBe(true),
  );

  it.each([
    'app://perdiem.evil/index.html',
    'app://evil/perdiem',
    'app://evil.com/app://perdiem',
    'app://perdiem@evil/index.html',
    'app://user:pw@perdiem/index.html',
    'app://perdiem:8080/index.html',
    'app://perdiemx/index.html',
    'app://per%64iem/index.html',
    'file:///opt/perdiem/dist/renderer/index.html',
    'file://perdiem/index.html',
    'http://127.0.0.1:5173/',
    'http://perdiem/',
    'https://perdiem/',
    'apps://perdiem/',
    'javascript:alert(1)//app://perdiem',
    'about:blank',
    'data:text/html,app://perdiem',
    '',
    'perdiem',
  ])('refuses the misleading or foreign URL %s', (url) => expect(isTrustedSender(url)).toBe(false));

  it('refuses a sender without a URL', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
