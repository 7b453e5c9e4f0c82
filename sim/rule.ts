// The shape of a rule, as d3-force shapes a force: a name, an init that builds the rule's
// per-parameter table, and a run for one step. sim/rules/index.ts declares every rule once, in
// the order in which their tables are built and their runs run.
import type { Model } from './model';
import type { Tables } from './tables';

export interface Rule<N extends keyof Tables = keyof Tables> {
  /** The rule's name: the key of its table in `m.tables` (and of its random stream, if it has one). */
  readonly name: N;
  /** Builds the rule's table from the current scenario; runs again whenever a parameter changes. */
  readonly init: (m: Model) => Tables[N];
  /** One step of the rule; absent for a rule that only builds a table other rules read. */
  readonly run?: (m: Model) => void;
}

/** Any one rule, with its init's table matched to its name. */
export type AnyRule = { [N in keyof Tables]: Rule<N> }[keyof Tables];
