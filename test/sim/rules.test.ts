// The rule registry (sim/rules/index.ts): every table is built by exactly one rule named after
// it, the runs go in the documented step order, and no rule's init reads the table of a rule
// below it (so building tables in registry order never reads a stale or missing table).
import { describe, expect, it } from 'vitest';
import { createModel, RULES, type Model } from '../../sim/index';
import { lessons } from '../../lessons/index';

describe('the rule registry', () => {
  it('names each rule once, and each names one table of the model', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const m = createModel(lessons()[0], '1');
    expect(Object.keys(m.tables).sort()).toEqual([...names].sort());
  });

  it('runs the rules in the documented step order', () => {
    expect(RULES.filter((r) => r.run).map((r) => r.name)).toEqual(['grid', 'dosing', 'release', 'diffusion', 'fate', 'blood', 'uptake', 'signalling', 'cells']);
  });

  it("builds no table from the table of a rule below it, in any lesson", () => {
    for (const s of lessons()) {
      const m = createModel(s, '1');
      const tables = m.tables as unknown as Record<string, unknown>;
      RULES.forEach((rule, k) => {
        const above = new Set(RULES.slice(0, k).map((r) => r.name as string));
        const read: string[] = [];
        const watched = new Proxy(tables, {
          get(target, key) {
            if (typeof key === 'string') read.push(key);
            return target[key as string];
          },
        });
        rule.init({ ...m, tables: watched } as unknown as Model);
        for (const key of read) expect(above.has(key), `${s.id}: ${rule.name}'s init reads tables.${key}`).toBe(true);
      });
    }
  });
});
