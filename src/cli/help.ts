// The --help text of cellpost and of each command (docs/cli.md says the same at more length).
import { MAX_HOURS, MAX_PACKET_ROWS, MAX_SWEEP_RUNS } from '../lab';
import { MAX_CELL_TABLES } from './limits';

export const HELP: Record<string, string> = {
  main: `cellpost: run Cellpost simulations from the command line

Usage:
  cellpost scenarios [ID]            list the built-in scenarios (with ID: its adjustable parameters)
  cellpost run --scenario ID [...]   run a scenario headless; write CSV, a JSON summary, a run file
  cellpost replay FILE [--verify]    re-run a run file and compare its checkpoint hashes
  cellpost validate FILE             check a scenario file or a run file
  cellpost sweep --scenario ID --vary PATH=V1,V2 --seeds 1-20 --out results.csv
                                     run every combination × seed on worker threads
  cellpost merge OUT SHARD.csv…      join the results files of a sharded sweep
  cellpost rules --scenario ID       the scenario's rules in plain words
  cellpost class FILE… [--csv OUT]   a class's run files and links verified and compared

  cellpost COMMAND --help            options of one command
  cellpost --version                 versions of cellpost and of its engine

Exit codes: 0 success, 1 replay differs from the recorded run (merge: runs missing),
            2 bad input (options, values, ids, paths, files), 3 internal error.
`,
  scenarios: `Usage: cellpost scenarios [ID]

Without ID: lists the built-in scenarios, one per line: id and title.
With ID: lists that scenario's adjustable parameters (the paths --set accepts):
path, current value, unit, allowed range and label.
`,
  run: `Usage: cellpost run --scenario ID [options]
       cellpost run --scenario-file FILE [options]

Runs a scenario headless. Without --csv or --json, prints a short summary
(key final metrics and the state hash) to standard output.

Options:
  --scenario ID          a built-in scenario (see cellpost scenarios)
  --scenario-file FILE   a scenario JSON file instead of a built-in one
  --seed S               random seed (text; default: the scenario's own seed)
  --hours H              simulated hours, more than 0 and at most ${MAX_HOURS}
                         (default: the lesson's suggested length, else 24)
  --set PATH=VALUE       change one value before the run; repeatable. Numbers are
                         checked against the parameter's range; other paths take JSON,
                         e.g. --set 'vesicleTypes.letter.labels=[]'
  --csv FILE             metric series as CSV: t_hours, then one column per metric
  --json FILE            JSON summary: scenario, seed, hours, final metrics,
                         final state hash, engine version
  --save-run FILE        run file (scenario, seed, events, checkpoint hashes every
                         simulated hour and at the end) for cellpost replay
  --cells FILE           one row per living cell at the end: t_hours, id, type, state,
                         tissue, x_um, y_um, uptake.<vesicle type>, signal.<signal>
                         (the app's "Cells now" CSV)
  --cells-every HOURS    with --cells: the cells at 0 h, every HOURS and at the end,
                         in one file (at most ${MAX_CELL_TABLES} moments)
  --packets FILE         the vesicle packets at the end: t_hours, state (free, bound,
                         blood), type, tissue, x_um, y_um, count, cell, origin_cell,
                         origin_tissue, born_hours. Free packets one row each, bound
                         ones per cell, blood ones per type; over ${MAX_PACKET_ROWS} free
                         packets 1 in every k is written and a note on stderr says so
  (FILE may be - for standard output, for one output at most; every output needs
  its own file, and none may be the --scenario-file)

Example:
  cellpost run --scenario letters --seed 7 --hours 6 --csv letters.csv --save-run letters.run.json
  cellpost run --scenario letters --hours 6 --cells cells.csv --cells-every 1 --packets packets.csv
`,
  replay: `Usage: cellpost replay FILE [--verify] [--csv FILE] [--json FILE]

Re-runs a run file (from cellpost run --save-run, or saved by the app) from its
scenario, seed and recorded events, and compares the state hash at every checkpoint.

Options:
  --verify       exit 1 and name the first checkpoint (tick, hours, expected and
                 actual hash) that differs; otherwise print
                 "verified: identical to the recorded run (N checkpoints)"
  --csv FILE     metric series of the replayed run, as with cellpost run
  --json FILE    JSON summary of the replayed run, as with cellpost run

Without --verify (and without --csv/--json) prints the run's summary; a difference
from the recording is reported on stderr but does not change the exit code.
`,
  rules: `Usage: cellpost rules --scenario ID [--set PATH=VALUE ...]
       cellpost rules --scenario-file FILE [--set PATH=VALUE ...]

Prints the scenario's rules in plain words, written out from its data: what each
cell kind releases and reads, how it switches state, moves, divides, kills and dies;
the vesicles; each tissue; the blood. The same text as the app's "How does the
model work?". --set changes a setting first, as for cellpost run.
`,
  class: `Usage: cellpost class FILE… [--csv OUT]
       cellpost class --class-code C [--students N]

A class's runs together, as the app's "Class results" screen shows them. Each FILE
is a run file, or a text file of share links (one or more per file). Every run is
replayed and its hashes compared; runs without a hash (plain links, run files
without checkpoints) are replayed and counted but "not signed". Duplicates (same
lesson, settings, seed and events) and tampered or invalid runs are listed with
the reason and not counted. Runs are grouped by lesson, settings and length; each
group shows the mean and 95 % interval (Student's t) of the lesson's main metric
at the end of the run, and the spread of committed predictions.

Options:
  --csv OUT              the table of counted runs: lesson, settings, seed, hours,
                         metric, value, unit, hash (OUT may be -)
  --class-code C         print the seeds of a class code instead (student,seed)
  --students N           with --class-code: students 1 to N (default 30)
`,
  validate: `Usage: cellpost validate FILE

Checks a scenario file or a run file (recognised by "format": "cellpost-run") and
prints every problem with its path. Exit code 0 when valid, 2 when not.
`,
  sweep: `Usage: cellpost sweep --scenario ID --out FILE [options]

Runs every combination of the --vary values with every seed, on worker threads,
and writes one row per run to --out: run, runs, sweep id, scenario, engine version,
hours, seed, each varied value, every final metric, the final state hash.
Rows are appended as runs finish; at the end the file is sorted by run.

Options:
  --scenario ID          a built-in scenario (or --scenario-file FILE)
  --vary PATH=V1,V2,…    values of one parameter; a value may be a range
                         START:END:STEP (e.g. 0.5:2:0.5). Repeatable: the runs
                         are every combination (the first --vary changes slowest)
  --set PATH=VALUE       a fixed change for every run, as with cellpost run
  --seeds LIST           seeds: ranges and single seeds, e.g. 1-20 or 1-5,9
                         (default: the scenario's own seed)
  --hours H              simulated hours per run (as with cellpost run)
  --out FILE             the results table (required)
  --per-run-series DIR   also write each run's metric series as DIR/run-N.csv
  --workers N            worker threads (default: the number of cores)
  --shard I/N            run only runs I, I+N, I+2N, … (job I of N on a cluster);
                         join the shards' files with cellpost merge
  --resume               skip the runs already in --out (after an interruption);
                         --out must hold this same sweep

At most ${MAX_SWEEP_RUNS} runs in one sweep. Every value is checked before any run.

Example:
  cellpost sweep --scenario immune-suppression --vary cellTypes.tumour.release.0.perHour=0:500:100 \\
    --seeds 1-20 --hours 24 --out results.csv
`,
  merge: `Usage: cellpost merge OUT SHARD.csv [SHARD.csv …]

Joins the results files of one sweep's shards (cellpost sweep --shard I/N) into OUT,
sorted by run (OUT may be - for standard output). Refuses files from different
sweeps (other columns, scenario, engine version or sweep id) and runs that appear
twice with different results; identical duplicates are left out.
Exit code 0 when every run of the sweep is there, 1 when runs are missing (they
are listed; OUT is still written), 2 for bad input.
`,
};
