// Turns bench:browser's JSON lines (or its test-results/browser-bench.json) into the Markdown
// table docs/performance.md shows: `npx tsx bench/table.ts FILE`. "display fps" is the rate the
// page kept up with (the goals read it), "drawn fps" how often the picture changed.
import { readFileSync } from 'node:fs';

type Row = Record<string, unknown>;

export function readRows(text: string): Row[] {
  const t = text.trim();
  if (t.startsWith('[')) return JSON.parse(t) as Row[];
  return t
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Row);
}

export function markdownTable(rows: Row[]): string {
  const cases = rows.filter((r) => typeof r.case === 'string');
  const head = '| case | CPU | display fps median | drawn fps median | drawn fps 5th pct | steps/s | sim h/s | longest task ms | heap MB | first picture ms | quality | load |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const line = (r: Row) => `| ${String(r.case)} | ${String(r.cpuSlowdown)}× | ${String(r.displayFpsMedian ?? '–')} | ${String(r.drawFpsMedian)} | ${String(r.drawFpsP5)} | ${String(r.stepsPerSecond)} | ${typeof r.simHoursPerSecond === 'number' ? r.simHoursPerSecond.toFixed(2) : '–'} | ${String(r.longestTaskMs)} | ${String(r.heapMB)} | ${String(r.firstPictureMs)} | ${String(r.quality ?? '–')} | ${String(r.load)} |`;
  const size = rows.find((r) => r.bench === 'first-load');
  const sizeLine = size ? `First-load JavaScript: ${String(size.jsGzipKB)} kB gzipped (${String(size.jsRawKB)} kB raw).\n\n` : '';
  return sizeLine + [head, rule, ...cases.map(line)].join('\n');
}

if (process.argv[2]) console.log(markdownTable(readRows(readFileSync(process.argv[2], 'utf8'))));
