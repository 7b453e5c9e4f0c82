// The notices' clock: one formatter per language, made at the first use, writing what the
// browser's own toLocaleTimeString writes for the same language and moment.
import { describe, expect, it } from 'vitest';
import { clockReady, clockTime } from '../../src/app/ui/clockTime';
import { localeOf } from '../../src/i18n/numbers';

describe('clockTime', () => {
  const at = new Date(2026, 11, 5, 23, 49, 30);

  it('is not ready before its first use, and ready after it', () => {
    expect(clockReady('nb')).toBe(false);
    clockTime(at, 'nb');
    expect(clockReady('nb')).toBe(true);
    expect(clockReady('en')).toBe(false);
  });

  it('writes bokmål hours and minutes on a 24-hour clock', () => {
    expect(clockTime(at, 'nb')).toBe('23:49');
  });

  it('writes what toLocaleTimeString writes, in English with the host’s own clock', () => {
    expect(clockTime(at, 'en')).toBe(at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    expect(clockTime(at, 'nb')).toBe(at.toLocaleTimeString(localeOf('nb'), { hour: '2-digit', minute: '2-digit' }));
  });
});
