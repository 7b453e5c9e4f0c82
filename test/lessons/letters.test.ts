// The letters lesson, run headless over 5 seeds: at the lesson level only readers near the
// senders respond (MODEL.md prediction 1, extending test/sim/binding.test.ts from uptake to
// response), uptake falls steeply with distance, and the lesson's interventions do what they say.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvent, measure, restore, schedule, snapshot, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { distances, lessonWith, newModel, runTo, stateCount, sum } from './guards';

const SEEDS = ['1', '2', '3', '4', '5'];
const S = lessonWith('letters');
const EDGES = [50, 100, 150, 200, 250];

interface Look {
  responding: { reader: number; bystander: number };
  near: { n: number; k: number };
  far: { n: number; k: number };
  /** Mean packets taken up or bound per reader in each distance band of EDGES. */
  uptakeByBand: number[];
  uptake: { reader: number; bystander: number };
}

function look(m: Model): Look {
  const x = measure(m);
  const reader = distances(m, 'reader', 'sender');
  const nVT = m.cells.nVesicleTypes;
  const uptakeByBand = EDGES.slice(1).map((hi, b) => {
    const inBand = reader.filter(({ d }) => d >= EDGES[b] && d < hi);
    return sum(inBand.map(({ index }) => m.cells.uptake[index * nVT] + m.cells.bound[index * nVT])) / Math.max(1, inBand.length);
  });
  return {
    responding: { reader: x['cells.reader.responding'], bystander: x['cells.bystander.responding'] },
    near: stateCount(m, 'reader', 'responding', 'sender', 0, 100),
    far: stateCount(m, 'reader', 'responding', 'sender', 250),
    uptakeByBand,
    uptake: { reader: x['uptake.reader'], bystander: x['uptake.bystander'] },
  };
}

const end: Look[] = [];
const at4: Look[] = [];
const withReceptor: Look[] = [];

beforeAll(() => {
  const give = S.lesson?.interventions.find((iv) => /bystanders the receptor/.test(iv.label));
  if (!give) throw new Error('intervention missing');
  for (const seed of SEEDS) {
    const m = runTo(newModel(S, seed), 4);
    at4.push(look(m));
    const snap = snapshot(m);
    end.push(look(runTo(m, 6)));
    const g = restore(snap, { checkLedger: true });
    for (const e of give.events) expect(schedule(g, e)).toBeNull();
    withReceptor.push(look(runTo(g, 6)));
  }
}, 300_000);

describe('letters lesson (5 seeds)', () => {
  it('only some of the neighbourhood reacts: at 6 h responding readers outnumber responding bystanders ≥ 5×', () => {
    const r = sum(end.map((l) => l.responding.reader));
    const b = sum(end.map((l) => l.responding.bystander));
    // Measured ≈ 30 readers against ≈ 2 bystanders per run.
    expect(r).toBeGreaterThan(5 * Math.max(b, 1));
  });

  it('readers respond near the senders (≥ 70 % within 100 µm) and not far away (≤ 5 % beyond 250 µm) at 6 h', () => {
    const near = { n: sum(end.map((l) => l.near.n)), k: sum(end.map((l) => l.near.k)) };
    const far = { n: sum(end.map((l) => l.far.n)), k: sum(end.map((l) => l.far.k)) };
    // Pooled near n ≈ 20 at p ≈ 0.95 (SE ≈ 0.05); far n ≈ 350 at p ≈ 0.
    expect(near.k / near.n).toBeGreaterThan(0.7);
    expect(far.k / far.n).toBeLessThan(0.05);
  });

  it('prediction 1, steepness: uptake per reader at least halves with every 50 µm from 50 to 250 µm (5 seeds pooled)', () => {
    const bands = EDGES.slice(1).map((_, b) => sum(end.map((l) => l.uptakeByBand[b])));
    // Measured ratios per band ≈ 2, 4, 6: hundreds of packets in the first bands, so counting noise is small.
    for (let b = 1; b < bands.length; b++) expect(bands[b]).toBeLessThan(0.5 * bands[b - 1]);
  });

  it('giving the bystanders the receptor at 4 h multiplies their uptake over the next 2 h by ≥ 5×', () => {
    for (let k = 0; k < SEEDS.length; k++) {
      const plain = end[k].uptake.bystander - at4[k].uptake.bystander;
      const given = withReceptor[k].uptake.bystander - at4[k].uptake.bystander;
      expect(given).toBeGreaterThan(5 * Math.max(plain, 1));
    }
  });

  it('every intervention of the lesson is accepted by the engine', () => {
    const m = newModel(S, '1');
    for (const iv of lesson('letters')?.lesson?.interventions ?? [])
      for (const e of [...iv.events, ...(iv.off ?? [])]) expect(checkEvent(m, e), `${iv.label}: ${JSON.stringify(e)}`).toBeNull();
  });
});
