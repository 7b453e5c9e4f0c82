// Overlapping cells per lesson (`npx tsx bench/overlaps.ts [hours]`): runs each built-in lesson
// with seed 1 and checks every pair of live cells of a tissue after every step; prints the pairs
// that ever overlapped, the most at once and the deepest overlap (µm). Expected: all zero.
import { createModel, step } from '../sim/index';
import { lesson, lessonIds } from '../lessons/index';
const ids: string[] = lessonIds();
const hours = Number(process.argv[2] ?? 6);
for (const id of ids) {
  const s = lesson(id)!;
  const m = createModel(s, '1');
  const n = Math.round(hours * 3600 / m.dt);
  const ever = new Set<string>();
  let worst = 0;
  let maxNow = 0;
  for (let k = 0; k < n; k++) {
    step(m, 1);
    const c = m.cells;
    let now = 0;
    for (let i = 0; i < c.count; i++) for (let j = i + 1; j < c.count; j++) {
      if (c.dead[i] || c.dead[j] || c.tissue[i] !== c.tissue[j]) continue;
      const d = Math.hypot(c.x[i] - c.x[j], c.y[i] - c.y[j]);
      const depth = c.radius[i] + c.radius[j] - d;
      if (depth > 1e-9) { now++; ever.add(c.id[i] + ':' + c.id[j]); worst = Math.max(worst, depth); }
    }
    maxNow = Math.max(maxNow, now);
  }
  console.log(JSON.stringify({ lesson: id, steps: n, cells: m.cells.count, pairsEverOverlapping: ever.size, maxAtOnce: maxNow, worstDepthUm: +worst.toFixed(2) }));
}
