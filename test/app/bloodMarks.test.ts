// Doses into the blood made visible: the scheduled doses named between two frames are exactly the
// steps at which the engine injects them (its ledger), a long jump names each dose once, and a
// blood dose marks every vessel of every tissue (a tissue without one: its outline).
import { describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { parseScenario } from '../../sim/validate';
import { lesson } from '../../lessons/index';
import { bloodSites, dosesDue } from '../../src/app/ui/bloodMarks';

const scenario = (id: string) => {
  const r = parseScenario(lesson(id));
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.problems)}`);
  return r.value;
};

describe('dosesDue', () => {
  it('names the steps at which the engine gives calm-inflammation’s infusions, and no others', () => {
    const s = scenario('calm-inflammation');
    const m = createModel(s, '7');
    const hours = 20;
    const steps = Math.round((hours * 3600) / m.dt);
    const given: number[] = [];
    const named: number[] = [];
    for (let tick = 0; tick < steps; tick++) {
      const before = m.ledger.injected;
      step(m, 1);
      if (m.ledger.injected > before) given.push(tick);
      named.push(...dosesDue(s, m.dt, tick, tick + 1).map((d) => d.tick));
    }
    // Every 8 h from 1 h until 20 h: at 1, 9 and 17 h.
    expect(given).toEqual([1, 9, 17].map((h) => Math.round((h * 3600) / m.dt)));
    expect(named).toEqual(given);
    expect(dosesDue(s, m.dt, 0, 1)).toEqual([]);
  });

  it('names each dose once across a long jump (its latest), and nothing going back or standing still', () => {
    const s = scenario('calm-inflammation');
    const dt = s.dtSeconds;
    const at = (h: number) => Math.round((h * 3600) / dt);
    expect(dosesDue(s, dt, 0, at(12)).map((d) => d.tick)).toEqual([at(9)]);
    expect(dosesDue(s, dt, at(12), at(2))).toEqual([]);
    expect(dosesDue(s, dt, at(9), at(9))).toEqual([]);
    expect(dosesDue(s, dt, at(9), at(9) + 1)).toEqual([{ vesicleType: 'mscEV', tissue: undefined, x: undefined, y: undefined, tick: at(9) }]);
    // After the last dose (stop at 20 h) nothing more.
    expect(dosesDue(s, dt, at(18), at(40))).toEqual([]);
  });

  it('names nothing for a dose set to zero (the lesson’s "Stop the doses")', () => {
    const s = scenario('calm-inflammation');
    const stopped = { ...s, doses: s.doses.map((d) => ({ ...d, packets: 0 })) };
    expect(dosesDue(stopped, s.dtSeconds, 0, 1000)).toEqual([]);
  });
});

describe('bloodSites', () => {
  it('marks each vessel of each tissue, inside the tissue', () => {
    const s = scenario('organ-address');
    const sites = bloodSites(s, 2);
    const tissues = Object.values(s.tissues);
    expect(sites.length).toBe(tissues.reduce((a, t) => a + t.vessels.length, 0));
    for (const site of sites) {
      const t = tissues[site.tissue];
      expect(site.vesicleType).toBe(2);
      expect(site.rect!.x + site.rect!.width).toBeLessThanOrEqual(t.width);
      expect(site.rect!.y + site.rect!.height).toBeLessThanOrEqual(t.height);
    }
  });

  it('outlines a whole tissue that has no vessel', () => {
    const s = scenario('letters');
    const t = Object.values(s.tissues)[0];
    expect(t.vessels).toEqual([]);
    expect(bloodSites(s, 0)).toEqual([{ tissue: 0, x: t.width / 2, y: t.height / 2, radius: 0, vesicleType: 0, rect: { x: 0, y: 0, width: t.width, height: t.height } }]);
  });
});
