// One sweep worker thread (started through bin/sweep-worker.js, which loads tsx): runs the
// tasks it is sent one at a time, each from a fresh model, and reports progress and results.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createModel, measure, stateHash, step } from '../../../sim/index';
import { seriesCsv } from '../csv';
import { comboScenario } from './combo';
import { seriesFileName, type FromWorker, type RunTask, type WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('src/cli/sweep/worker.ts must run in a worker thread');

function runOne(task: RunTask): FromWorker {
  const parsed = comboScenario(setup.base, task.sets);
  if (!parsed.ok) return { kind: 'failed', run: task.run, message: `its scenario is invalid: ${parsed.problems[0].path}: ${parsed.problems[0].message}` };
  const m = createModel(parsed.value, task.seed);
  const chunk = Math.max(1, Math.ceil(setup.steps / 100));
  const start = m.tick;
  const end = start + setup.steps;
  let lastReport = Date.now();
  while (m.tick < end) {
    step(m, Math.min(chunk, end - m.tick));
    if (Date.now() - lastReport > 250) {
      lastReport = Date.now();
      port!.postMessage({ kind: 'progress', run: task.run, steps: m.tick - start } satisfies FromWorker);
    }
  }
  if (setup.seriesDir !== undefined) writeFileSync(join(setup.seriesDir, seriesFileName(task.run, setup.runDigits)), seriesCsv(m.series));
  const metrics = measure(m);
  const names = m.reporters.map((r) => r.name);
  return {
    kind: 'done',
    run: task.run,
    hash: stateHash(m),
    names,
    values: names.map((n) => metrics[n]),
    warnings: m.warnings.map((w) => `step ${w.tick}: ${w.message}`),
  };
}

port.on('message', (task: RunTask) => {
  let reply: FromWorker;
  try {
    reply = runOne(task);
  } catch (e) {
    reply = { kind: 'failed', run: task.run, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
