// Durations for the sweep's progress line ("45 s", "12 min 05 s", "3 h 05 min"), written the way
// `cellpost sweep` writes them on the terminal (src/cli/sweep/progress.ts), so both read alike.

export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`;
}
