// The ledger: released + injected = free + blood + bound + taken up + degraded + cleared after
// every step, through every rule and intervention (the model checks it each step and throws).
import { describe, expect, it } from 'vitest';
import { createModel, step, schedule, imbalance, measure } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { valid } from './helpers';
import type { Scenario } from '../../sim/schema';

describe('ledger', () => {
  it('balances every step over a long run with interventions, blood and cell deaths', () => {
    const s = valid({
      ...(lesson('immune-suppression') as Scenario),
      tissues: {
        tissue: {
          ...(lesson('immune-suppression') as Scenario).tissues.tissue,
          vessels: [{ x: 600, y: 0, width: 40, height: 500, entryPerMinute: 0.5 }],
          bloodFlowShare: 1,
        },
      },
      blood: { volumeMl: 3000, halfLifeMinutes: 20, extravasationPerHour: 1, backgroundPerMl: 1e10 },
    });
    const m = createModel(s, '5', { checkLedger: true });
    schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: 2000, tick: 100 });
    schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: 300, tissue: 'tissue', x: 400, y: 250, tick: 200 });
    schedule(m, { kind: 'removeCells', type: 'tumour', tick: 1500 });
    expect(() => step(m, 2160)).not.toThrow(); // 6 simulated hours, checked after each step
    expect(imbalance(m)).toBe(0);
    const x = measure(m);
    expect(x['ledger.cleared']).toBeGreaterThan(0);
    expect(x['ledger.intravasated']).toBeGreaterThan(0);
    expect(x['ledger.extravasated']).toBeGreaterThan(0);
    expect(x['ledger.takenUp']).toBeGreaterThan(0);
    expect(x['deaths.tumour.removed']).toBeGreaterThan(0);
  });

  it('a broken book is detected', () => {
    const m = createModel(lesson('letters') as Scenario, '1', { checkLedger: true });
    step(m, 10);
    m.ledger.released += 1;
    expect(() => step(m, 1)).toThrow(/ledger out of balance/);
  });
});
