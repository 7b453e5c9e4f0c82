// Release: per-step packet counts are Poisson (mean = variance = rate·dt / vesiclesPerDot), a
// release-blocking drug scales the mean by (1 − inhibition), and a full vesicle store pauses
// release with a warning instead of dropping packets silently.
import { describe, expect, it } from 'vitest';
import { schedule, step, measure } from '../../sim/index';
import { model, mean, variance } from './helpers';

function perStepRelease(perHour: number, inhibition: number, steps: number): number[] {
  const m = model({
    cellTypes: { donor: { name: 'donor', radius: 5, release: [{ vesicleType: 'ev', perHour }], releaseInhibition: inhibition } },
    tissues: { tissue: { name: 't', width: 400, height: 400, diffusion: 0, halfLifeHours: 0.05, cells: [{ type: 'donor', count: 1 }] } },
  });
  const counts: number[] = [];
  let last = 0;
  for (let k = 0; k < steps; k++) {
    step(m, 1);
    counts.push(m.ledger.released - last);
    last = m.ledger.released;
  }
  return counts;
}

describe('release', () => {
  // λ = perHour · 10 s / 3600 s / 1 vesicle per dot. SE(mean) = √(λ/n); SE(var) ≈ √((λ + 2λ²)/n).
  for (const lambda of [0.5, 10, 50]) {
    it(`per-step counts have mean and variance λ = ${lambda} (Poisson)`, () => {
      const n = 3000;
      const xs = perStepRelease(lambda * 360, 0, n);
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
      expect(Math.abs(variance(xs) - lambda)).toBeLessThan(4 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    });
  }

  it('a release-blocking drug at 60 % leaves 40 % of the release', () => {
    const n = 3000;
    const lambda = 10;
    const xs = perStepRelease(lambda * 360, 0.6, n);
    expect(Math.abs(mean(xs) - 0.4 * lambda)).toBeLessThan(4 * Math.sqrt((0.4 * lambda) / n));
  });

  it('the drug event changes release from the step it applies', () => {
    const m = model({
      cellTypes: { donor: { name: 'donor', radius: 5, release: [{ vesicleType: 'ev', perHour: 3600 }] } },
      tissues: { tissue: { name: 't', width: 400, height: 400, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'donor', count: 1 }] } },
    });
    step(m, 200);
    const before = m.ledger.released;
    expect(schedule(m, { kind: 'drug', cellType: 'donor', inhibition: 1 })).toBeNull();
    step(m, 200);
    expect(m.ledger.released).toBe(before);
    expect(m.log.map((e) => e.kind)).toEqual(['drug']);
  });

  it('a full vesicle store pauses release, warns, counts paused steps and keeps the books', () => {
    const m = model({
      limits: { vesicleCapacity: 1000, cellCapacity: 100 },
      cellTypes: { donor: { name: 'donor', radius: 5, release: [{ vesicleType: 'ev', perHour: 36000 }] } },
      tissues: { tissue: { name: 't', width: 400, height: 400, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'donor', count: 5 }] } },
    });
    step(m, 100);
    expect(m.vesicles.count).toBeLessThanOrEqual(1000);
    expect(m.vesicles.count).toBeGreaterThan(990);
    expect(m.warnings.some((w) => w.code === 'vesicleCapacity')).toBe(true);
    expect(measure(m)['warnings.releasePaused']).toBeGreaterThan(0);
  });
});
