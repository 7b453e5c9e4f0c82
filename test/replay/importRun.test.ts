// Opening run files in the app (src/app/replay/importRun.ts), in Node: a good file gives its summary;
// random bytes, random JSON, truncated, mistyped, out-of-range, other-version and oversized files
// each give a message that names the problem, and nothing ever throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, schedule, stateHash, step } from '../../sim/index';
import { makeRunFile, MAX_RUN_FILE_BYTES, runFileText } from '../../src/lab';
import { lesson } from '../../lessons/index';
import { checkRunSize, importRunBytes, importRunText, runFileName, type Imported } from '../../src/app/replay/importRun';

const m = createModel(lesson('letters')!, '7');
const cps = [{ tick: 0, hash: stateHash(m) }];
step(m, 20);
expect(schedule(m, { kind: 'blockLabel', label: 'tag', fraction: 0.5 })).toBeNull();
step(m, 20);
const good = runFileText(makeRunFile(m, cps));
const bytes = (s: string) => new TextEncoder().encode(s);

function refused(r: Imported, want?: RegExp): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.message.length).toBeGreaterThan(10);
  if (want) expect([r.message, ...r.problems].join('\n')).toMatch(want);
}

describe('importing run files', () => {
  it('reads a good file and sums it up', () => {
    const r = importRunBytes(bytes(good), 'letters.run.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary).toMatchObject({ scenarioId: 'letters', seed: '7', steps: 40, events: 1, checkpoints: 2, otherEngine: false });
  });

  it('names what is wrong in bad files', () => {
    const o = JSON.parse(good);
    const variant = (f: (x: typeof o) => void) => {
      const c = structuredClone(o);
      f(c);
      return JSON.stringify(c);
    };
    refused(importRunText(good.slice(0, good.length / 2), 'a.json'), /ends too early|truncated/);
    refused(importRunText(variant((x) => (x.version = 2))), /version 2 is newer than this Cellpost reads \(version 1\); update Cellpost/);
    refused(importRunText(variant((x) => (x.version = 0))), /version 0 is older/);
    refused(importRunText(variant((x) => (x.format = 'something'))), /not a Cellpost run file/);
    refused(importRunText(variant((x) => (x.seed = 7))), /seed: expected string, got number/);
    refused(importRunText(variant((x) => (x.stopTick = -3))), /stopTick/);
    refused(importRunText(variant((x) => (x.scenario.tissues.tissue.diffusion = 900))), /scenario\.tissues\.tissue\.diffusion: .*at most 50/);
    refused(importRunText(variant((x) => (x.checkpoints[0].hash = '<script>'))), /16 lower-case hexadecimal digits/);
    refused(importRunText(variant((x) => (x.events[0].tick = 'soon'))), /events\.0/);
    refused(importRunText(JSON.stringify(lesson('letters'))), /scenario file, not a run file/);
    refused(importRunText(variant((x) => (x.stopTick = 1e8))), /covers .* simulated hours, more than the 10,000/);
    refused(importRunBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x80])), /not text/);
    refused(importRunBytes(new Uint8Array(0)), /empty/);
    refused(checkRunSize('big.json', MAX_RUN_FILE_BYTES + 1) ?? { ok: true } as never, /too large.*50\.0 MB/);
    expect(checkRunSize('ok.json', 1000)).toBeNull();
  });

  it('never throws on random bytes, random JSON or mutated files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const r = importRunBytes(b);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        const r = importRunText(JSON.stringify(v));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    const o = JSON.parse(good);
    const paths = ['format', 'version', 'engineVersion', 'seed', 'events', 'stopTick', 'checkpoints', 'scenario', 'scenario.dtSeconds', 'scenario.tissues', 'events.0', 'events.0.tick', 'checkpoints.0.tick'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, v) => {
        const c = structuredClone(o);
        const keys = path.split('.');
        let node = c;
        for (const k of keys.slice(0, -1)) node = node[k];
        node[keys[keys.length - 1]] = v;
        const r = importRunText(JSON.stringify(c));
        if (!r.ok) expect(r.message).toMatch(/not a valid run file|not a Cellpost run file|newer|older|covers/);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), (n) => {
        const r = importRunText(good.slice(0, n));
        if (n < good.trimEnd().length) expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('names saved files safely', () => {
    expect(runFileName('letters', '7', 2)).toBe('letters-seed-7-2h.run.json');
    expect(runFileName('letters', '../../etc <x>', 0.25)).toBe('letters-seed-_etc_x_-15min.run.json');
    expect(runFileName('liquid-biopsy', '1', 12.5)).toBe('liquid-biopsy-seed-1-12_5h.run.json');
  });
});
