// CSV for the command line: the shared writer in src/lab/csv.ts (the app's downloads use the same
// one, so `cellpost run --csv` and the app's metrics CSV are byte-identical).
export { field, num, seriesCsv } from '../lab/csv';
