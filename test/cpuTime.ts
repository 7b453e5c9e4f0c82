// CPU time this test process has spent since a mark, for checks that something ends "at once":
// npm test runs the unit tests at a lower priority beside the browser files, where a wall clock
// runs many times slower than the work it times (one fuzz case of 0.15 s took 28 s of wall).
/** A mark to measure from. */
export const cpuMark = (): NodeJS.CpuUsage => process.cpuUsage();

/** Milliseconds of CPU (user and system) this process has spent since `mark`. */
export function cpuMsSince(mark: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(mark);
  return (d.user + d.system) / 1000;
}
