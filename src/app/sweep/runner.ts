// One browser sweep from start to end, as a small state machine: checking (every combination, in
// slices so the page never freezes) → running (the plan on the lab's pool of Web Workers, each
// finished run kept) → done, cancelled or failed. Says what happens in a status line for people.
import { combinationCount, etaText, fmtElapsed, runOf, startPool, SweepResults, type PoolEnd, type PoolHandle, type StartWorker } from '../../lab';
import { combinationProblem, type SweepPlan } from './plan';
import { num, t } from './messages';
import { startWebWorker } from './port';

export type RunState = 'checking' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunListener {
  /** A status line for people; `warn` marks a problem. */
  status(text: string, warn?: boolean): void;
  /** Fraction of all runs done. */
  progress(fraction: number): void;
  /** A run finished: the results grew. */
  result(): void;
  /** The sweep ended; `problem` names a combination that cannot run (it did not start). */
  end(state: RunState, problem?: string): void;
}

export class SweepRun {
  readonly results: SweepResults;
  state: RunState = 'checking';
  fraction = 0;
  /** Runs per minute of a finished sweep (worker start-up included). */
  perMinute = 0;
  private pool: PoolHandle | null = null;
  private started = performance.now();
  private readonly warned: string[] = [];

  constructor(
    readonly plan: SweepPlan,
    private readonly workers: number,
    private readonly on: RunListener,
    private readonly start: StartWorker = startWebWorker,
  ) {
    this.results = new SweepResults(plan);
  }

  get busy(): boolean {
    return this.state === 'checking' || this.state === 'running';
  }

  /** Checks every combination, then runs the sweep; resolves once the runs have started (or it ended). */
  async begin(): Promise<void> {
    const problem = await this.check();
    if (this.state !== 'checking') return;
    if (problem) return this.finish('failed', t('labtools.run.notStarted'), true, problem);
    this.state = 'running';
    this.started = performance.now();
    const { plan } = this;
    const tasks = Array.from({ length: plan.runs }, (_, k) => runOf(plan, k + 1));
    this.on.status(t('labtools.run.starting', { runs: plan.runs, workers: Math.min(this.workers, plan.runs) }));
    this.pool = startPool({
      start: this.start,
      setup: { kind: 'sweep', base: plan.base, hours: plan.hours },
      tasks,
      workers: this.workers,
      onProgress: (f, done) => {
        this.fraction = f;
        this.on.progress(f);
        this.on.status(t('labtools.run.progress', { done, runs: plan.runs, percent: Math.floor(f * 100), eta: etaText(f, this.seconds()) }));
      },
      onResult: (r) => {
        this.results.add(r);
        for (const w of r.warnings) if (this.warned.length < 3) this.warned.push(t('labtools.run.warning', { run: r.run, warning: w }));
        this.on.result();
      },
      onEnd: (e) => this.ended(e),
    });
  }

  /** Stops the workers (finished runs stay), or the check of combinations. */
  cancel(): void {
    if (!this.busy) return;
    if (this.pool) this.pool.cancel();
    else this.finish('cancelled', t('labtools.run.cancelledEarly'));
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** The first combination that cannot run, checked ~30 ms at a time; null when all can. */
  private async check(): Promise<string | null> {
    const n = combinationCount(this.plan);
    if (this.plan.vary.length === 0) return null;
    let t0 = performance.now();
    for (let c = 0; c < n; c++) {
      const problem = combinationProblem(this.plan, c);
      if (problem) return problem;
      if (performance.now() - t0 > 30) {
        this.on.status(t('labtools.run.checking', { n, done: c + 1 }));
        await new Promise((r) => setTimeout(r, 0));
        if (this.state !== 'checking') return null;
        t0 = performance.now();
      }
    }
    return null;
  }

  private finish(state: RunState, text: string, warn = false, problem?: string): void {
    this.state = state;
    this.on.status(text, warn);
    this.on.end(state, problem);
  }

  private ended(e: PoolEnd): void {
    const seconds = this.seconds();
    const n = this.results.size;
    const { plan } = this;
    const more = [...this.results.rows.values()].filter((x) => x.warnings.length).length > this.warned.length ? ' …' : '';
    const note = this.warned.length ? t('labtools.run.warnings', { warnings: `${this.warned.join('; ')}${more}` }) : '';
    if (e.kind === 'done') {
      this.fraction = 1;
      this.perMinute = n > 0 ? Number(((n * 60) / seconds).toPrecision(3)) : 0;
      const used = this.pool?.workers ?? this.workers;
      this.finish('done', t('labtools.run.done', { n, time: fmtElapsed(seconds), perMinute: num(this.perMinute), workers: used, note }));
    } else if (e.kind === 'cancelled') {
      this.finish('cancelled', t('labtools.run.cancelled', { n, runs: plan.runs, note }));
    } else {
      const what = e.task ? t('labtools.run.which', { run: e.task.run, seed: e.task.seed, sets: e.task.sets.map((o) => `, ${o.path} = ${String(o.value)}`).join('') }) : t('labtools.run.aRun');
      this.finish('failed', t('labtools.run.failed', { what, problem: e.message, n }), true);
    }
  }
}
