// One sweep worker thread (started through bin/sweep-worker.js, which loads tsx): runs the
// tasks it is sent one at a time, each from a fresh model, and reports progress and results.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runSweepRun } from '../../lab';
import { seriesCsv } from '../csv';
import { comboScenario } from './combo';
import { seriesFileName, type FromWorker, type RunTask, type WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('src/cli/sweep/worker.ts must run in a worker thread');

function runOne(task: RunTask): FromWorker {
  const parsed = comboScenario(setup.base, task.sets);
  if (!parsed.ok) return { kind: 'failed', run: task.run, message: `its scenario is invalid: ${parsed.problems[0].path}: ${parsed.problems[0].message}` };
  let lastReport = Date.now();
  const r = runSweepRun(parsed.value, task.seed, setup.steps, (steps) => {
    if (Date.now() - lastReport <= 250) return;
    lastReport = Date.now();
    port!.postMessage({ kind: 'progress', run: task.run, steps } satisfies FromWorker);
  });
  if (setup.seriesDir !== undefined) writeFileSync(join(setup.seriesDir, seriesFileName(task.run, setup.runDigits)), seriesCsv(r.model.series));
  return { kind: 'done', run: task.run, hash: r.hash, names: r.names, values: r.values, warnings: r.warnings };
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
