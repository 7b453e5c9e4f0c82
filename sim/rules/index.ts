// The rule registry: every rule declared once, in one ordered list. buildTables() runs their
// inits in this order and step() their runs in this order, so the two cannot disagree. A rule's
// init may read the tables of rules above it (binding reads diffusion's sub-steps).
import type { AnyRule } from '../rule';
import { gridRule } from '../grid';
import { tissuesRule } from './tissues';
import { dosingRule } from './dosing';
import { releaseRule } from './release';
import { diffusionRule } from './diffusion';
import { bindingRule } from './binding';
import { fateRule } from './fate';
import { bloodRule } from './blood';
import { uptakeRule } from './uptake';
import { signallingRule } from './signalling';
import { cellBehaviourRule } from './cellBehaviour';

/** The rules in order (see docs/implementation-notes.md, "One step"). */
export const RULES: readonly AnyRule[] = [
  tissuesRule, // table only: tissue sizes
  gridRule, // rebuilds the cell bin grid
  dosingRule, // the scenario's repeated doses
  releaseRule,
  diffusionRule,
  bindingRule, // table only: binding runs inside diffusion, and its init reads diffusion's table
  fateRule,
  bloodRule,
  uptakeRule,
  signallingRule,
  cellBehaviourRule, // named 'cells', like its table and its random stream
];
