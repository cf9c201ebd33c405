import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/harness.ts';

describe('the end-to-end browser', () => {
  it('is the one PERDIEM_CHROMIUM names, when it exists', () => {
    expect(findChromium({ PERDIEM_CHROMIUM: '/opt/chrome' }, (p) => p === '/opt/chrome' || p === '/usr/bin/chromium')).toBe('/opt/chrome');
  });

  it('refuses a PERDIEM_CHROMIUM that does not exist instead of quietly using another browser', () => {
    expect(() => findChromium({ PERDIEM_CHROMIUM: '/nope' }, (p) => p === '/usr/bin/chromium')).toThrow('PERDIEM_CHROMIUM=/nope does not exist');
  });

  it("is Debian's Chromium first, else an installed Chrome", () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium' || p.includes('Google Chrome'))).toBe('/usr/bin/chromium');
    expect(findChromium({}, (p) => p.includes('Google Chrome.app'))).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('says how to get one when there is none', () => {
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install chromium/);
  });
});
