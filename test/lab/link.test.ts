// Share links in Node: a run's link decodes to the same setup and events (so the same hashes),
// long logs are left out to keep links short, and malformed or hostile links — random text,
// random parameters, random logs — always give a valid setup plus a list of what was ignored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, schedule, stateHash, step, type RunEvent } from '../../sim/index';
import { decodeLink, encodeLink, fromBase64Url, HIDEABLE, LINK_LIMIT, packEvents, queueRecorded, settingsDiff, toBase64Url, withOverrides, type DecodedLink, type LinkState } from '../../src/lab';
import { lesson, lessonIds } from '../../lessons/index';

const BASE = 'https://example.org/cellpost/';

/** The run a decoded link describes, stepped to `steps`: its hash. */
function runOf(d: DecodedLink, steps: number): string {
  const eff = withOverrides(lesson(d.lesson)!, d.overrides);
  if ('problem' in eff) throw new Error(eff.problem);
  const m = createModel(d.events ? { ...eff.scenario, events: [] } : eff.scenario, d.seed);
  if (d.events) queueRecorded(m, d.events);
  step(m, steps);
  return stateHash(m);
}

/** A recorded run: settings before the start, then interventions sent during it. */
function recorded() {
  const base = lesson('immune-suppression')!;
  const start = withOverrides(base, new Map([['tissues.tissue.halfLifeHours', 3]]));
  if ('problem' in start) throw new Error(start.problem);
  const m = createModel(start.scenario, 'seed with spaces & ünïcode');
  step(m, 40);
  expect(schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 2.5 })).toBeNull();
  step(m, 40);
  expect(schedule(m, { kind: 'inject', vesicleType: Object.keys(base.vesicleTypes)[0], packets: 300, tissue: 'tissue', x: 401.123456789, y: 99.5, radius: 15 })).toBeNull();
  step(m, 40);
  const events = [...m.log, ...m.pending];
  return { m, events, overrides: settingsDiff(base, m.initialScenario)!, hash: stateHash(m) };
}

/** A valid setup: a known lesson, a seed, settings the lesson accepts, a list of strings. */
function expectValid(d: DecodedLink): void {
  expect(lessonIds()).toContain(d.lesson);
  expect(typeof d.seed).toBe('string');
  expect(d.seed.length).toBeGreaterThan(0);
  expect(d.seed.length).toBeLessThanOrEqual(100);
  expect('scenario' in withOverrides(lesson(d.lesson)!, d.overrides)).toBe(true);
  expect(d.events === null || Array.isArray(d.events)).toBe(true);
  for (const h of d.hide) expect(HIDEABLE).toContain(h);
  for (const s of d.ignored) expect(typeof s).toBe('string');
  expect(Object.prototype).not.toHaveProperty('polluted');
}

describe('share links', () => {
  it('round-trip a run: the decoded link replays to the same hash', async () => {
    const r = recorded();
    expect([...r.overrides]).toEqual([['tissues.tissue.halfLifeHours', 3]]);
    const state: LinkState = { lesson: 'immune-suppression', seed: r.m.seed, overrides: r.overrides, events: r.events, check: { tick: 120, hash: r.hash }, hide: ['seed', 'settings'] };
    const link = await encodeLink(state, new Map(), BASE, { withCheck: true });
    expect(link.logDropped).toBe(false);
    expect(link.url.length).toBeLessThan(LINK_LIMIT);
    const url = new URL(link.url);
    expect(url.searchParams.get('set.tissues.tissue.halfLifeHours')).toBe('3');
    const d = await decodeLink(url.search);
    expect(d.ignored).toEqual([]);
    expect(d.seed).toBe(r.m.seed);
    expect(d.hide).toEqual(['seed', 'settings']);
    expect(d.check).toEqual({ tick: 120, hash: r.hash });
    expect(d.events).toEqual(r.events);
    expect(runOf(d, 120)).toBe(r.hash);
  });

  it('leave the event log out (and say so) when the link would grow past the limit', async () => {
    const many: RunEvent[] = Array.from({ length: 400 }, (_, i) => ({ tick: i * 7, kind: 'inject', vesicleType: 'letter', packets: 1 + ((i * 7919) % 997), tissue: 'tissue', x: (i * 104729) % 800, y: (i * 1299709) % 500, radius: 15 }) as RunEvent);
    const state: LinkState = { lesson: 'letters', seed: '1', overrides: new Map(), events: many, check: null, hide: [] };
    const link = await encodeLink(state, new Map([['tissues.tissue.diffusion', 2]]), BASE);
    expect(link.logDropped).toBe(true);
    expect(link.url).not.toContain('ev=');
    expect(link.url).toContain('set.tissues.tissue.diffusion=2');
    expect(link.url.length).toBeLessThan(LINK_LIMIT);
    // A short log stays, compressed: 20 interventions fit comfortably.
    const few = await encodeLink({ ...state, events: many.slice(0, 20) }, new Map(), BASE);
    expect(few.logDropped).toBe(false);
    expect(few.url.length).toBeLessThan(1200);
  });

  it('fall back to the lesson defaults and list what was ignored for malformed and hostile links', async () => {
    const cases: [string, RegExp][] = [
      ['?lesson=nope&seed=3&set.tissues.tissue.diffusion=2', /lesson "nope": there is no such lesson; its seed, settings and events were ignored too/],
      ['?lesson=letters&seed=' + 'x'.repeat(101), /seed "x+…": a seed is 1 to 100 characters/],
      ['?lesson=letters&seed=a%00b', /seed "a\\u0000b"/],
      ['?lesson=letters&set.tissues.tissue.diffusion=9000', /set\.tissues\.tissue\.diffusion = 9000: .*between 0 and 50/],
      ['?lesson=letters&set.tissues.tissue.diffusion=abc', /not a number/],
      ['?lesson=letters&set.tissues.tissue.diffusion=1e999', /not a number/],
      ['?lesson=letters&set.__proto__.polluted=1', /set\.__proto__\.polluted: not a setting/],
      ['?lesson=letters&set.constructor.prototype.polluted=1', /not a setting/],
      ['?lesson=letters&set.title=1', /set\.title: not a setting/],
      ['?lesson=letters&ev=z!!!', /event log: it is not valid base64url/],
      ['?lesson=letters&ev=zAAAA', /event log: it is damaged/],
      ['?lesson=letters&ev=q' + toBase64Url(new TextEncoder().encode('[]')), /not in a form Cellpost writes/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('{"a":1}')), /not a list of events/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('[{"tick":1,"kind":"set","path":"title","value":"<img src=x onerror=alert(1)>"}]')), /event 1: "title" is not a setting/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('[{"tick":1,"kind":"inject","vesicleType":"letter","packets":1e12}]')), /event 1.*packets: must be at most 5,?000,?000/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('[{"tick":1,"kind":"drug","cellType":"javascript:alert(1)","inhibition":0.5}]')), /event 1/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('[{"tick":1,"kind":"blockLabel","label":"tag","fraction":1,"__proto__":{"polluted":1}}]')), /the key "__proto__"/],
      ['?lesson=letters&ev=j' + toBase64Url(new TextEncoder().encode('[{"tick":-4,"kind":"blockLabel","label":"tag","fraction":1}]')), /event 1.*tick/],
      ['?lesson=letters&hide=settings,everything', /hide "everything": not a part that can be hidden/],
      ['?lesson=letters&c=12.zz', /check "12\.zz"/],
      ['?seed=4', /names no lesson/],
    ];
    for (const [search, want] of cases) {
      const d = await decodeLink(search);
      expectValid(d);
      expect(d.ignored.join('\n'), search).toMatch(want);
    }
    // A log that unpacks to far more than it looks (a zip bomb) is refused.
    const bomb = await packEvents(Array.from({ length: 20000 }, () => ({ tick: 1, kind: 'set', path: 'tissues.tissue.diffusion', value: 1 }) as RunEvent));
    expect(bomb.length).toBeLessThan(12_000);
    const d = await decodeLink(`?lesson=letters&ev=${bomb}`);
    expect(d.events).toBeNull();
    expect(d.ignored.join()).toMatch(/unpacks to more than 512 KB|at most 2000/);
    // Good parts of a partly bad link are kept.
    const mixed = await decodeLink('?lesson=letters&seed=9&set.tissues.tissue.diffusion=2&set.tissues.tissue.halfLifeHours=-1&hide=seed');
    expect(mixed.seed).toBe('9');
    expect([...mixed.overrides]).toEqual([['tissues.tissue.diffusion', 2]]);
    expect(mixed.hide).toEqual(['seed']);
    expect(mixed.ignored).toHaveLength(1);
    // Too long as a whole.
    const huge = await decodeLink('?lesson=letters&seed=' + 'a'.repeat(20000));
    expect(huge.ignored[0]).toMatch(/more than Cellpost reads/);
  });

  it('never throw on random text, random parameters or random logs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        expectValid(await decodeLink(s));
        expectValid(await decodeLink(`?${s}`));
      }),
      { numRuns: 300 },
    );
    const key = fc.oneof(fc.constantFrom('lesson', 'seed', 'hide', 'c', 'ev', 'set.tissues.tissue.diffusion', 'set.__proto__.x', 'set.cellTypes.reader.radius'), fc.string({ maxLength: 20 }));
    const value = fc.oneof(fc.constantFrom('letters', 'immune-suppression', 'settings,seed', '1e3', '-0', 'NaN', 'javascript:alert(1)', '<b>x</b>', '12.0123456789abcdef'), fc.string({ maxLength: 40 }), fc.double().map(String));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 8 }), async (pairs) => {
        const q = new URLSearchParams();
        for (const [k, v] of pairs) q.append(k, v);
        expectValid(await decodeLink(`?${q.toString()}`));
      }),
      { numRuns: 300 },
    );
    // Random JSON and random bytes as the log, plain and compressed.
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.record({ tick: fc.integer({ min: -2, max: 1e6 }), kind: fc.constantFrom('set', 'inject', 'drug', 'addCells', 'removeCells', 'blockLabel', 'nope'), path: fc.string(), value: fc.jsonValue({ maxDepth: 2 }), vesicleType: fc.constantFrom('letter', 'x'), packets: fc.integer(), tissue: fc.constantFrom('tissue', '__proto__'), cellType: fc.string(), type: fc.string(), count: fc.integer(), label: fc.string(), fraction: fc.double(), inhibition: fc.double() }, { requiredKeys: ['tick', 'kind'] }), { maxLength: 5 })), async (v) => {
        const plain = `j${toBase64Url(new TextEncoder().encode(JSON.stringify(v)))}`;
        const packed = await packEvents(v as RunEvent[]);
        for (const ev of [plain, packed]) {
          const d = await decodeLink(`?lesson=letters&ev=${ev}`);
          expectValid(d);
          if (d.events) runOf(d, 3);
        }
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('z', 'j'), async (bytes, kind) => {
        expectValid(await decodeLink(`?lesson=letters&ev=${kind}${toBase64Url(bytes)}`));
      }),
      { numRuns: 200 },
    );
  });

  it('base64url round-trips any bytes and refuses what is not base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(fromBase64Url(toBase64Url(b))).toEqual(b);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(toBase64Url(b)).toBe(Buffer.from(b).toString('base64url'));
      }),
    );
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('YQ==')).toBeNull();
    expect(fromBase64Url('ab+c')).toBeNull();
  });

  it('settingsDiff finds the settings a run started with, or says a link cannot carry them', () => {
    const base = lesson('letters')!;
    const eff = withOverrides(base, new Map([['tissues.tissue.diffusion', 1.25]]));
    if ('problem' in eff) throw new Error(eff.problem);
    expect([...settingsDiff(base, eff.scenario)!]).toEqual([['tissues.tissue.diffusion', 1.25]]);
    expect(settingsDiff(base, { ...base, title: 'Another title' })).toBeNull();
  });
});
