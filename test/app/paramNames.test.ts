// Setting names in the parameter panel say each thing once: no part of "group: name" restates
// the thing the part before it names ("Address labels: address label: label blocked"), no unit
// that repeats the range ("Range 0–1 0–1"), and every name in a lesson is different.
import { describe, expect, it } from 'vitest';
import { listParameters } from '../../sim/index';
import { lessons } from '../../lessons/index';
import { nameParam } from '../../src/app/paramNames';
import { shownUnit } from '../../src/app/ui/paramField';

/** Words of a name, without punctuation or plural s, lower case. */
const words = (t: string) => t.toLowerCase().split(/[^a-z0-9α-ω-]+/).filter((w) => w.length > 2).map((w) => w.replace(/s$/, ''));

describe('setting names', () => {
  for (const s of lessons()) {
    it(`${s.id}: each stand-alone name names each thing once, and names differ`, () => {
      const fulls = new Set<string>();
      for (const p of listParameters(s)) {
        const { full, name } = nameParam(s, p);
        const parts = full.split(': ');
        for (let i = 1; i < parts.length; i++) {
          // A part may not restate the thing the part before it names ("label: label blocked").
          const head = words(parts[i - 1]).filter((w) => /[a-z]/.test(w)).pop();
          expect(head !== undefined && words(parts[i]).includes(head), `${p.path}: "${full}"`).toBe(false);
        }
        expect(fulls.has(full), `two settings called "${full}"`).toBe(false);
        fulls.add(full);
        expect(name.length).toBeGreaterThan(0);
        const unit = shownUnit(p);
        expect(unit === '0–1' || unit === 'fraction', `${p.path} shows unit ${unit}`).toBe(false);
      }
    });
  }
});
