// The cluster recipes of docs/sweeps.md, run as written (docs/examples/, which the docs show
// verbatim): a Slurm job array of 3 shards with one task cancelled mid-run by scancel and
// resubmitted alone, then merged; and GNU parallel's 8 shards over this machine, merged. Each
// merged file must equal the unsharded sweep's file byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const ROOT = resolve(import.meta.dirname, '../..');
const ARRAY = join(ROOT, 'docs/examples/sweep-array.sbatch');
const PARALLEL = join(ROOT, 'docs/examples/sweep-parallel.sh');
const CELLPOST = `${process.execPath} ${join(ROOT, 'bin/cellpost.js')}`;
/**
 * The Slurm try-out: 66 runs of 2 h (long enough to cancel a task mid-run); GNU parallel: 33 of
 * 15 min. The check is byte equality of the merged file with the unsharded one, not a tolerance:
 * at 15 min the 33 runs' rows already differ from each other in every one (their counts and state
 * hashes; checked: 33 distinct rows at 15 min as at 1 h), so a shard that ran the wrong runs or a
 * merge that dropped, doubled or misplaced a row still fails; at 1 h each sweep cost ~10 s of CPU,
 * at 15 min ~5.5 s (load 28).
 */
const SLURM = { SEEDS: '1-2', HOURS: '2', SHARDS: '3' };
const PAR = { SEEDS: '1', HOURS: '0.25' };
const env = { ...process.env, ...SLURM, CELLPOST, NO_COLOR: '1' };

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const slurmUp = () => has('sinfo') && /idle|mix|alloc/.test(spawnSync('sinfo', ['-h', '-o', '%t']).stdout?.toString() ?? '');
const sh = (cmd: string, cwd: string) => execFileSync('bash', ['-c', cmd], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const rows = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length - 1 : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const work = join(tmpdir(), `cellpost-cluster-${process.pid}`);
beforeAll(() => void mkdirSync(work, { recursive: true }));

/** The recipes' sweep at a size, unsharded, on this machine: what a merged file must equal. */
function reference(size: { SEEDS: string; HOURS: string }): string {
  const out = join(work, `reference-${size.SEEDS}-${size.HOURS}.csv`);
  const args = ['sweep', '--scenario', 'immune-suppression', '--vary', 'cellTypes.tumour.release.0.perHour=0:500:50', '--vary', 'labels.PDL1.blocked=0,0.5,0.9', '--seeds', size.SEEDS, '--hours', size.HOURS, '--out', out];
  execFileSync(process.execPath, [join(ROOT, 'bin/cellpost.js'), ...args], { env, stdio: 'ignore' });
  return readFileSync(out, 'utf8');
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the docs’ cluster recipes, run as written', () => {
  it('the docs show the recipe files verbatim', () => {
    const doc = readFileSync(join(ROOT, 'docs/sweeps.md'), 'utf8');
    expect(doc).toContain(readFileSync(ARRAY, 'utf8'));
    expect(doc).toContain(readFileSync(PARALLEL, 'utf8'));
  });

  const slurm = slurmUp();
  if (!slurm && process.env.CI !== 'true') console.warn('cluster test: Slurm is not running here (start it as root with .ci/slurm-up); the Slurm recipe test is skipped');
  it.runIf(slurm || process.env.CI === 'true')('Slurm job array: 3 shards, one cancelled mid-run and resubmitted, merge equals the unsharded sweep', async () => {
    expect(slurmUp(), 'Slurm must be running (.ci/slurm-up)').toBe(true);
    const dir = join(work, 'slurm');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const submit = (array: string) => sh(`sbatch --parsable --array=${array} --cpus-per-task=1 --time=00:20:00 ${ARRAY}`, dir).trim().split(';')[0];
    const id = submit('1-3');
    const shard2 = join(dir, 'results/shard-2.csv');
    // Cancel task 2 once it has written a few rows (it must be running, not done).
    const t0 = Date.now();
    while (rows(shard2) < 3 && Date.now() - t0 < 600_000) await sleep(100);
    const before = rows(shard2);
    expect(before, 'task 2 wrote rows before the cancel').toBeGreaterThanOrEqual(3);
    sh(`scancel ${id}_2`, dir);
    // Wait for the whole array to end.
    while (sh(`squeue -h -j ${id} -o %i`, dir).trim() !== '' && Date.now() - t0 < 1_080_000) await sleep(500);
    const cancelled = rows(shard2);
    expect(cancelled, `task 2 was cancelled mid-run (${cancelled} of 22 rows)`).toBeLessThan(22);
    // The first merge names the missing runs and exits 1.
    const first = spawnSync('bash', ['-c', `${CELLPOST} merge results.csv results/shard-*.csv`], { cwd: dir, env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/runs? (is|are) missing/);
    // Resubmit task 2 alone; it continues its shard.
    sh(`sbatch --wait --array=2 --cpus-per-task=1 --time=00:20:00 ${ARRAY}`, dir);
    const log = (k: number) => (existsSync(join(dir, `logs/sweep-${k}.log`)) ? readFileSync(join(dir, `logs/sweep-${k}.log`), 'utf8') : '(no log)');
    expect(rows(shard2), `task 2's log:\n${log(2)}`).toBe(22);
    sh(`${CELLPOST} merge results.csv results/shard-*.csv`, dir);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(reference(SLURM));
    const logs = readdirSync(join(dir, 'logs'));
    expect(logs.length).toBeGreaterThanOrEqual(3);
  });

  it.runIf(has('parallel') || process.env.CI === 'true')('GNU parallel over this machine: 8 shards and their merge equal the unsharded sweep', () => {
    const dir = join(work, 'parallel');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nodes.txt'), ':\n');
    sh(`SEEDS=${PAR.SEEDS} HOURS=${PAR.HOURS} WORKDIR=${dir} NODES=${join(dir, 'nodes.txt')} bash ${PARALLEL}`, dir);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(reference(PAR));
  });
});
