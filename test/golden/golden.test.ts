// Golden hashes: every lesson, run from seed 1 for HASH_STEPS steps, must end in the state hash
// pinned for this ENGINE_VERSION in test/golden/hashes.json, so a change to the engine's results
// cannot land without a new engine version (which run files record, and replay checks).
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../sim/version';
import { lessonIds } from '../../lessons/index';
import { HASH_SEED, HASH_STEPS, lessonHashes } from '../engines/lessonHashes';
import { BUMP_MESSAGE, changedLessons, readTable } from './table';

describe('golden state hashes (test/golden/hashes.json)', () => {
  const table = readTable();
  const entry = table[ENGINE_VERSION];
  const missing = `test/golden/hashes.json has no row for engine ${ENGINE_VERSION} (it has: ${Object.keys(table).join(', ') || 'none'}): regenerate it with npm run golden:update`;

  it(`has a row for engine ${ENGINE_VERSION}, seed ${HASH_SEED}, ${HASH_STEPS} steps, covering every lesson`, () => {
    expect(entry, missing).toBeDefined();
    expect(entry.seed).toBe(HASH_SEED);
    expect(entry.steps).toBe(HASH_STEPS);
    expect(Object.keys(entry.hashes).sort(), 'the lessons changed: npm run golden:update').toEqual([...lessonIds()].sort());
  });

  it('every lesson ends in its pinned hash', () => {
    expect(entry, missing).toBeDefined();
    const changed = changedLessons(entry.hashes, lessonHashes(HASH_STEPS, HASH_SEED));
    expect(changed, `hashes differ for ${changed.join(', ')} — ${BUMP_MESSAGE}`).toEqual([]);
  });
});
