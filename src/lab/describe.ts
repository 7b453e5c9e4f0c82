// Plain-language description of a run for people who cannot see the stage: one short sentence per
// simulated hour, built from the metric series in the lesson's own words (cell and state names),
// e.g. "2 h: 6 of 120 reader cells responding (up 6); no bystander cells responding."
// Pure: no DOM, no clock; the app speaks these sentences in a polite live region.
// i18n-exempt-file: the English phrasebook (DescribeWords); its bokmål is src/lab/i18n/describeNb.ts

/** The parts of a scenario the description reads (a validated scenario file has them all). */
export interface DescribedScenario {
  cellTypes: Record<string, { name: string; states?: readonly string[] }>;
  vesicleTypes: Record<string, { name: string }>;
  lesson?: { detectionLimitPerMl?: number };
}

/** The parts of a metric series the description reads (sim/metrics.ts Series, the app's SeriesStore). */
export interface DescribedSeries {
  names: readonly string[];
  t: readonly number[];
  values: readonly (readonly number[])[];
}

/** The most words a sentence may have (a screen reader reads it between other things). */
export const MAX_WORDS = 25;

/** A cell type's name in the plural, without the lesson's parenthetical ("reader cell (has…)" → "reader cells"). */
export function plural(name: string): string {
  const bare = name.replace(/\s*\(.*\)\s*$/, '').trim() || name.trim();
  return /s$/i.test(bare) ? bare : `${bare}s`;
}

/** A count or level in plain digits: whole numbers with thousands commas, others to 2 significant digits. */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return 'unknown';
  const r = Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(2));
  return r.toLocaleString('en-GB', { maximumFractionDigits: 6 });
}

/** A measured level to 2 significant digits, with thousands commas (18,333 → "18,000"). */
export function plainLevel(x: number): string {
  if (!Number.isFinite(x)) return 'unknown';
  return Number(x.toPrecision(2)).toLocaleString('en-GB', { maximumFractionDigits: 6 });
}

/** "2 h", "1 h 30 min", "45 min". */
export function clockWords(hours: number): string {
  const total = Math.round(hours * 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function read(series: DescribedSeries, name: string, k: number): number | undefined {
  const i = series.names.indexOf(name);
  if (i < 0 || k < 0) return undefined;
  const v = series.values[i]?.[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The words of the run's sentences in one language (English here; others in src/i18n/). */
export interface DescribeWords {
  plural(name: string): string;
  number(x: number): string;
  level(x: number): string;
  clock(hours: number): string;
  state(id: string): string;
  /** " (up 5)", " (down 2)". */
  change(up: boolean, by: string): string;
  none(who: string, state: string): string;
  of(n: string, total: string, who: string, state: string): string;
  count(n: string, who: string): string;
  blood(vesicles: string, level: string, above: boolean, limit: string): string;
  noChange: string;
}

export const ENGLISH_DESCRIBE: DescribeWords = {
  plural,
  number: plainNumber,
  level: plainLevel,
  clock: clockWords,
  state: (id) => id,
  change: (up, by) => ` (${up ? 'up' : 'down'} ${by})`,
  none: (who, st) => `no ${who} ${st}`,
  of: (n, total, who, st) => `${n} of ${total} ${who} ${st}`,
  count: (n, who) => `${n} ${who}`,
  blood: (vesicles, level, above, limit) => `${vesicles} in blood ${level} per mL, ${above ? 'at or above' : 'below'} the detection limit of ${limit}`,
  noChange: 'no change',
};

function change(w: DescribeWords, now: number, before: number | undefined): string {
  if (before === undefined || before === now) return '';
  return w.change(now > before, w.number(Math.abs(now - before)));
}

interface Part {
  text: string;
  /** Changed since the last sentence: said before unchanged parts when words run short. */
  changed: boolean;
}

/** The clauses of a sentence for sample k against sample `prev` (-1: the start). */
function parts(s: DescribedScenario, series: DescribedSeries, k: number, prev: number, w: DescribeWords): Part[] {
  const out: Part[] = [];
  for (const [id, ct] of Object.entries(s.cellTypes)) {
    const total = read(series, `cells.${id}`, k);
    if (total === undefined) continue;
    const states = ct.states ?? [];
    const who = w.plural(ct.name);
    if (states.length > 1) {
      for (const st of states.slice(1)) {
        const n = read(series, `cells.${id}.${st}`, k);
        if (n === undefined) continue;
        const before = prev >= 0 ? read(series, `cells.${id}.${st}`, prev) : undefined;
        const changed = before !== undefined && before !== n;
        const text = (n === 0 ? w.none(who, w.state(st)) : w.of(w.number(n), w.number(total), who, w.state(st))) + change(w, n, before);
        out.push({ text, changed });
      }
    } else {
      const before = prev >= 0 ? read(series, `cells.${id}`, prev) : undefined;
      if (before !== undefined && before !== total) out.push({ text: w.count(w.number(total), who) + change(w, total, before), changed: true });
    }
  }
  const limit = s.lesson?.detectionLimitPerMl;
  if (limit !== undefined && Number.isFinite(limit))
    for (const [id, vt] of Object.entries(s.vesicleTypes)) {
      const level = read(series, `blood.perMl.${id}`, k);
      if (level === undefined) continue;
      const before = prev >= 0 ? read(series, `blood.perMl.${id}`, prev) : undefined;
      const crossed = before !== undefined && before >= limit !== level >= limit;
      out.push({ text: w.blood(vt.name, w.level(level), level >= limit, w.level(limit)), changed: crossed });
    }
  return out;
}

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

/** One sentence for sample k, compared with sample `prev` (-1 or omitted: the start of the run). */
export function describeSample(s: DescribedScenario, series: DescribedSeries, k: number, prev = -1, w: DescribeWords = ENGLISH_DESCRIBE): string {
  const t = series.t[k];
  const head = `${w.clock(typeof t === 'number' && Number.isFinite(t) ? t : 0)}:`;
  const all = parts(s, series, k, prev, w);
  // Changed clauses first, then the rest, while the sentence stays short.
  const ordered = [...all.filter((p) => p.changed), ...all.filter((p) => !p.changed)];
  const chosen: string[] = [];
  let count = words(head);
  for (const p of ordered) {
    const n = words(p.text);
    if (count + n > MAX_WORDS) continue;
    chosen.push(p.text);
    count += n;
  }
  if (chosen.length === 0) return `${head} ${w.noChange}.`;
  return `${head} ${chosen.join('; ')}.`;
}

/** The index of the last sample at or before `hours` (-1 when none). */
export function sampleAt(series: DescribedSeries, hours: number): number {
  let k = -1;
  for (let i = 0; i < series.t.length; i++) {
    if (series.t[i] <= hours + 1e-9) k = i;
    else break;
  }
  return k;
}

/** One sentence per whole simulated hour from 1 to the last sample, each compared with the hour before. */
export function describeHours(s: DescribedScenario, series: DescribedSeries, w: DescribeWords = ENGLISH_DESCRIBE): string[] {
  const out: string[] = [];
  const end = series.t.length > 0 ? series.t[series.t.length - 1] : 0;
  let prev = sampleAt(series, 0);
  for (let h = 1; h <= end + 1e-9; h++) {
    const k = sampleAt(series, h);
    if (k < 0) continue;
    out.push(describeSample(s, series, k, prev, w));
    prev = k;
  }
  return out;
}
