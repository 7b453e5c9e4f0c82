// `npm run golden:update`: recomputes every lesson's state hash (seed 1, HASH_STEPS steps) and
// writes test/golden/hashes.json for the current ENGINE_VERSION, replacing older versions' rows.
// It refuses to change the hashes of a version already in the table (bump ENGINE_VERSION first);
// `--replace` overrides that, for a version that has never been released.
import { writeFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../../sim/version';
import { HASH_SEED, HASH_STEPS, lessonHashes } from '../engines/lessonHashes';
import { TABLE_PATH, changedLessons, readTable, type GoldenTable } from './table';

const replace = process.argv.includes('--replace');
const unknown = process.argv.slice(2).filter((a) => a !== '--replace');
if (unknown.length > 0) {
  console.error(`golden:update: unknown argument ${unknown.join(' ')} (the only option is --replace)`);
  process.exit(2);
}

const old = readTable();
const hashes = lessonHashes(HASH_STEPS, HASH_SEED);
const previous = old[ENGINE_VERSION];
if (previous && !replace) {
  const changed = previous.seed === HASH_SEED && previous.steps === HASH_STEPS ? changedLessons(previous.hashes, hashes) : Object.keys(hashes);
  if (changed.length > 0) {
    console.error(
      `golden:update: engine ${ENGINE_VERSION} already has golden hashes and ${changed.length} lesson(s) now differ (${changed.join(', ')}).\n` +
        `A change to the engine's results needs a new ENGINE_VERSION: bump it in sim/version.ts, then run npm run golden:update again.\n` +
        `(If ${ENGINE_VERSION} was never released, npm run golden:update -- --replace overwrites its row.)`,
    );
    process.exit(1);
  }
}

const table: GoldenTable = { [ENGINE_VERSION]: { seed: HASH_SEED, steps: HASH_STEPS, hashes } };
writeFileSync(TABLE_PATH, `${JSON.stringify(table, null, 2)}\n`);
const dropped = Object.keys(old).filter((v) => v !== ENGINE_VERSION);
console.log(`golden:update: wrote ${Object.keys(hashes).length} lesson hashes for engine ${ENGINE_VERSION} to ${TABLE_PATH}` + (dropped.length ? ` (dropped rows for ${dropped.join(', ')})` : ''));
