// docs/scenario-format.md is written from the schema (lessons/formatDoc.ts): the committed file
// must equal what the schema gives now, and it must name every adjustable setting of every lesson.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listParameters } from '../../sim/index';
import { lessons } from '../../lessons/index';
import { scenarioFormatMarkdown } from '../../lessons/formatDoc';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/scenario-format.md'), 'utf8');

describe('docs/scenario-format.md', () => {
  it('is what the schema says now (run `npm run docs:scenario` after a schema change)', () => {
    expect(doc).toBe(scenarioFormatMarkdown());
  });
  it('has a row for every setting of every lesson, by its general path', () => {
    const rows = new Set([...doc.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]));
    for (const s of lessons())
      for (const p of listParameters(s)) {
        const general = p.path
          .split('.')
          .map((k, i, all) => (/^\d+$/.test(k) ? '<n>' : i > 0 && ['signals', 'labels', 'receptors', 'vesicleTypes', 'cellTypes', 'tissues', 'affinity', 'onBind', 'cargo'].includes(all[i - 1]) ? '<id>' : k))
          .join('.')
          .replace(/^affinity\.<id>\.[^.]+$/, 'affinity.<id>.<id>');
        expect(rows.has(general), `${s.id}: ${p.path} → ${general}`).toBe(true);
      }
  });
});
