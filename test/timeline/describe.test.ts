// The event log's plain words: simulated times to the second (long and compact), each event kind
// described with the scenario's names and units, and a branch note saying what was dropped.
import { beforeAll, describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { describeBranch, describeEvent, formatTick, formatTickShort } from '../../src/app/timeline/describe';
import type { RunEvent } from '../../sim/index';
import { loadSchemaTools } from '../../src/app/schemaTools';

// The page loads its scenario tools before any run; so do these tests.
beforeAll(() => loadSchemaTools());

describe('event log words', () => {
  it('formats ticks as simulated time', () => {
    expect(formatTick(0, 10)).toBe('0 s');
    expect(formatTick(181, 10)).toBe('30 min 10 s');
    expect(formatTick(360, 10)).toBe('1 h');
    expect(formatTick(8643, 10)).toBe('24 h 30 s');
    expect(formatTickShort(181, 10)).toBe('0:30:10');
    expect(formatTickShort(3600 * 30, 1)).toBe('30:00:00');
  });

  it('describes every kind of event and a branch', () => {
    const s = lesson('immune-suppression')!;
    const ev = (e: object) => describeEvent(e as RunEvent, s);
    expect(ev({ tick: 1, kind: 'set', path: 'tissues.tissue.diffusion', value: 2.5 })).toBe('vesicle diffusion set to 2.5 µm²/s');
    expect(ev({ tick: 1, kind: 'set', path: 'nowhere', value: '<b>' })).toBe('nowhere set to "<b>"');
    expect(ev({ tick: 1, kind: 'blockLabel', label: 'PDL1', fraction: 1 })).toBe('PD-L1 blocked (100 %)');
    expect(ev({ tick: 1, kind: 'drug', cellType: 'tumour', inhibition: 0.7 })).toBe('drug: tumour cell release inhibited by 70 %');
    expect(ev({ tick: 1, kind: 'inject', vesicleType: 'tumourEV', packets: 40, tissue: 'tissue' })).toMatch(/^40 dots of .* injected$/);
    expect(ev({ tick: 1, kind: 'inject', vesicleType: 'tumourEV', packets: 40 })).toMatch(/into the blood$/);
    expect(ev({ tick: 1, kind: 'addCells', tissue: 'tissue', type: 'tumour', count: 1, x: 10.4, y: 20.6 })).toBe('1 × tumour cell added at (10, 21) µm');
    expect(ev({ tick: 1, kind: 'removeCells', type: 'tumour', fraction: 0.5 })).toBe('tumour cell removed (50 %)');
    expect(describeBranch({ tick: 200, hours: 200 / 360, dropped: 2, oldEnd: 360 }, 10)).toBe(
      'Branch: the run was changed at 33 min 20 s. The old run from there to 1 h was left behind, and 2 later events of it were dropped.',
    );
  });
});
