// "Did you mean …?" for the command line: the engine's suggestion helper (sim/suggest.ts), so
// the CLI, the app and scenario validation suggest the same names.
export { closest, distance } from '../../sim/suggest';
