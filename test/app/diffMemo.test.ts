// The run's link's settings worked out once per lesson and starting scenario (src/app/share/diffMemo.ts):
// the same answer as settingsDiff every time, computed again only when the lesson or the start changes.
import { describe, expect, it } from 'vitest';
import { settingsDiff, withOverrides } from '../../src/lab';
import { lesson } from '../../lessons/index';
import { rememberedDiff } from '../../src/app/share/diffMemo';

describe('rememberedDiff', () => {
  const base = lesson('letters')!;
  const eff = withOverrides(base, new Map([['tissues.tissue.diffusion', 1.25]]));
  if ('problem' in eff) throw new Error(eff.problem);
  const changed = eff.scenario;

  it('gives settingsDiff’s answer, working it out again only for another lesson or start', () => {
    let calls = 0;
    const diff = rememberedDiff((b, s) => {
      calls++;
      return settingsDiff(b, s);
    });
    expect([...diff(base, changed)!]).toEqual([['tissues.tissue.diffusion', 1.25]]);
    // A copy of the same scenario (as the worker sends it each time): remembered.
    expect([...diff(base, structuredClone(changed))!]).toEqual([['tissues.tissue.diffusion', 1.25]]);
    expect(calls).toBe(1);
    expect([...diff(base, base)!]).toEqual([]);
    expect(calls).toBe(2);
    expect(diff(base, { ...base, title: 'Another title' })).toBeNull();
    expect(diff(base, { ...base, title: 'Another title' })).toBeNull();
    expect(calls).toBe(3);
    const other = lesson('nk-weapons')!;
    // Another lesson with the same scenario: worked out again (here: no settings can say it).
    expect(diff(other, changed)).toBeNull();
    expect(calls).toBe(4);
  });

  it('gives each caller its own copy of the settings', () => {
    const diff = rememberedDiff(settingsDiff);
    const first = diff(base, changed)!;
    first.set('tissues.tissue.diffusion', 9);
    first.set('seedless', 1);
    expect([...diff(base, changed)!]).toEqual([['tissues.tissue.diffusion', 1.25]]);
  });
});
