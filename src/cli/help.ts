// The --help text of cellpost and of each command (docs/cli.md says the same at more length).
import { MAX_HOURS } from './limits';

export const HELP: Record<string, string> = {
  main: `cellpost: run Cellpost simulations from the command line

Usage:
  cellpost scenarios [ID]            list the built-in scenarios (with ID: its adjustable parameters)
  cellpost run --scenario ID [...]   run a scenario headless; write CSV, a JSON summary, a run file
  cellpost replay FILE [--verify]    re-run a run file and compare its checkpoint hashes
  cellpost validate FILE             check a scenario file or a run file

  cellpost COMMAND --help            options of one command
  cellpost --version                 versions of cellpost and of its engine

Exit codes: 0 success, 1 replay differs from the recorded run,
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
  (FILE may be - for standard output, for one of --csv and --json)

Example:
  cellpost run --scenario letters --seed 7 --hours 6 --csv letters.csv --save-run letters.run.json
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
  validate: `Usage: cellpost validate FILE

Checks a scenario file or a run file (recognised by "format": "cellpost-run") and
prints every problem with its path. Exit code 0 when valid, 2 when not.
`,
};
