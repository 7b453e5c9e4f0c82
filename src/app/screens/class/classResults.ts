// The "Class results" view of the teacher page (?teacher=…&view=class), loaded on demand: a
// teacher drops or chooses students' run files and pastes their links; every run is replayed in
// the sweep workers and checked against the hash it carries (src/lab/class/), then shown grouped
// by lesson, settings and length — a strip plot of the lesson's main metric with the mean and 95 %
// interval, the spread of predictions, the runs counted and those not counted, and a CSV.
import { classCsv, classTable, intervalWords, readSources, verifyOnPool, type ClassGroup, type ClassSource, type ClassTable, type PoolVerify, type RejectKind } from '../../../lab';
import { formatNumber } from '../../../../viz/format';
import { saveBlob, textBlob } from '../../export/download';
import { defaultWorkers, startWebWorker } from '../../sweep/port';
import { h, replace } from '../../ui/dom';
import { drawClassStrip } from './strip';
import { lesson } from '../../../../lessons/index';
import './class.css';

const fmt = (x: number) => formatNumber(x, 4);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Largest file read (a run file's own limit is far larger; a student's is a few kB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How the list of runs not counted names each reason. */
const KIND_WORDS: Record<RejectKind, string> = { invalid: 'not a valid run', tampered: 'tampered or damaged', duplicate: 'a duplicate' };

let view: HTMLElement | null = null;

/** The view (one per page: what was brought in stays when the teacher looks at another tab). */
export function classResults(): HTMLElement {
  view ??= build();
  return view;
}

function settingsWords(s: string): string {
  return s === '' ? 'the lesson’s own settings' : s;
}

function build(): HTMLElement {
  const files: ClassSource[] = [];
  const fileInput = h('input', { type: 'file', id: 'cr-files', multiple: true, accept: '.json,.txt,application/json,text/plain', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const choose = h('button', { type: 'button', id: 'cr-choose' }, 'Choose files…');
  const fileCount = h('p', { class: 'help', id: 'cr-file-count', 'aria-live': 'polite' }, 'No files yet.');
  const drop = h(
    'div',
    { class: 'cr-drop', id: 'cr-drop' },
    h('p', { class: 'cr-drop-words' }, 'Drop students’ run files (.json) or text files of links here, or'),
    h('div', { class: 'row' }, choose, fileInput),
    fileCount,
  );
  const paste = h('textarea', { id: 'cr-paste', rows: 5, spellcheck: 'false', class: 'cr-paste', placeholder: 'https://…?lesson=…&seed=…\nhttps://…?lesson=…&seed=…', 'aria-describedby': 'cr-paste-help' });
  const check = h('button', { type: 'button', class: 'primary', id: 'cr-check' }, 'Check the runs');
  const clear = h('button', { type: 'button', id: 'cr-clear' }, 'Start again');
  const status = h('p', { id: 'cr-status', class: 'cr-status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'cr-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Runs checked' });
  const results = h('div', { id: 'cr-results', class: 'cr-results' });
  const downloadCsv = h('button', { type: 'button', id: 'cr-csv', hidden: true }, 'Download the table (CSV)');

  let table: ClassTable | null = null;
  let running: PoolVerify | null = null;
  let version = 0;
  const undraw: (() => void)[] = [];

  const showCount = () => {
    fileCount.textContent = files.length === 0 ? 'No files yet.' : `${plural(files.length, 'file')} ready: ${files
      .slice(0, 4)
      .map((f) => f.name)
      .join(', ')}${files.length > 4 ? ` and ${files.length - 4} more` : ''}.`;
  };
  const addFiles = async (list: FileList | File[]) => {
    const refused: string[] = [];
    for (const f of Array.from(list)) {
      if (f.size > MAX_FILE_BYTES) {
        refused.push(`${f.name} (larger than ${MAX_FILE_BYTES / 1048576} MB)`);
        continue;
      }
      try {
        files.push({ name: f.name, text: await f.text() });
      } catch {
        refused.push(`${f.name} (it could not be read)`);
      }
    }
    showCount();
    if (refused.length > 0) status.textContent = `Not read: ${refused.join(', ')}.`;
    await run();
  };
  choose.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const list = fileInput.files ? Array.from(fileInput.files) : [];
    fileInput.value = '';
    void addFiles(list);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const list = e.dataTransfer?.files;
    if (list && list.length > 0) void addFiles(list);
    else {
      const text = e.dataTransfer?.getData('text/plain') ?? '';
      if (text.trim() !== '') {
        paste.value = `${paste.value}${paste.value.trim() === '' ? '' : '\n'}${text.trim()}`;
        void run();
      }
    }
  });
  check.addEventListener('click', () => void run());
  clear.addEventListener('click', () => {
    running?.cancel();
    version++;
    files.length = 0;
    paste.value = '';
    table = null;
    showCount();
    status.textContent = '';
    progress.hidden = true;
    downloadCsv.hidden = true;
    for (const f of undraw.splice(0)) f();
    replace(results);
  });
  downloadCsv.addEventListener('click', () => {
    if (table) saveBlob('class-results.csv', textBlob(classCsv(table.rows), 'text/csv'));
  });

  async function run(): Promise<void> {
    const mine = ++version;
    running?.cancel();
    running = null;
    const sources: ClassSource[] = [...files];
    if (paste.value.trim() !== '') sources.push({ name: 'pasted', text: paste.value });
    if (sources.length === 0) {
      status.textContent = 'Drop or choose run files, or paste links, first.';
      return;
    }
    status.textContent = 'Reading the runs…';
    const { entries, dropped } = await readSources(sources);
    if (mine !== version) return;
    const toRun = entries.filter((e) => e.ok).length;
    const workers = Math.min(defaultWorkers(), Math.max(1, toRun));
    status.textContent = `Replaying ${plural(toRun, 'run')} on ${plural(workers, 'worker')}…`;
    progress.hidden = toRun === 0;
    progress.value = 0;
    running = verifyOnPool(entries, startWebWorker, workers, (fraction, runs) => {
      if (mine !== version) return;
      progress.value = fraction;
      status.textContent = `Replaying: ${runs} of ${toRun} runs checked.`;
    });
    let outcomes;
    try {
      outcomes = await running.done;
    } catch (e) {
      if (mine === version) {
        status.textContent = `The runs could not be checked: ${e instanceof Error ? e.message : String(e)}.`;
        progress.hidden = true;
      }
      return;
    }
    if (mine !== version) return;
    running = null;
    progress.hidden = true;
    table = classTable(entries, outcomes);
    status.textContent = `${plural(table.rows.length, 'run')} counted, ${table.rejected.length} not counted${dropped > 0 ? `; ${dropped} more were not read (at most ${entries.length} at once)` : ''}.`;
    show(table);
  }

  function groupCard(g: ClassGroup, k: number): HTMLElement {
    const title = `${g.lessonTitle} · ${settingsWords(g.settings)} · ${fmt(g.hours)} h`;
    const chart = h('div', { class: 'cr-chart' });
    const card = h(
      'section',
      { class: 'cr-group', 'aria-labelledby': `cr-g${k}-h`, 'data-lesson': g.lesson },
      h('h4', { id: `cr-g${k}-h` }, title),
      h('p', { class: 'cr-metric' }, `${g.metricLabel} at the end of each run (${g.metric}${g.unit ? `, ${g.unit}` : ''}): `, h('strong', { class: 'cr-interval' }, intervalWords(g.interval, fmt)), '.'),
      chart,
      h(
        'p',
        { class: 'cr-key', 'aria-hidden': 'true' },
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-dot' }), ' a student’s run'),
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-mean' }), ' mean'),
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-band' }), ' 95 % interval of the mean'),
      ),
    );
    undraw.push(drawClassStrip(chart, g, `${g.metricLabel}, ${plural(g.rows.length, 'run')}`));
    const unsigned = g.rows.filter((r) => !r.signed).length;
    if (unsigned > 0) card.append(h('p', { class: 'cr-note' }, `${plural(unsigned, 'run')} carried no hash (not signed): replayed and counted, but nothing could be checked.`));
    if (g.predictions.length > 0)
      card.append(
        h('h5', {}, 'Predictions committed before Play'),
        h(
          'ul',
          { class: 'cr-predictions' },
          ...g.predictions.map((p) =>
            h(
              'li',
              {},
              `Prompt ${p.prompt + 1}: ${plural(p.runs, 'student')}`,
              p.choices.length > 0 ? ` — ${p.choices.map((c) => `“${choiceLabel(g.lesson, p.prompt, c.choice)}”: ${c.count}`).join(', ')}` : '',
              shownLabel(g.lesson, p.prompt),
              p.sketchEnd ? `; ${plural(p.sketches, 'sketch', 'sketches')} ending between ${fmt(p.sketchEnd.lo)} and ${fmt(p.sketchEnd.hi)}` : '',
            ),
          ),
        ),
      );
    return card;
  }

  /** A choice's words in the lesson (its id when the lesson has no such choice). */
  function choiceLabel(lessonId: string, prompt: number, id: string): string {
    return lesson(lessonId)?.lesson?.prompts[prompt]?.choices?.find((c) => c.id === id)?.label ?? id;
  }

  /** What the lesson's own test runs show for a prompt, after the students' answers. */
  function shownLabel(lessonId: string, prompt: number): string {
    const spec = lesson(lessonId)?.lesson?.prompts[prompt];
    return spec?.shows ? ` (the lesson's test runs show “${choiceLabel(lessonId, prompt, spec.shows)}”)` : '';
  }

  function show(t: ClassTable): void {
    for (const f of undraw.splice(0)) f();
    downloadCsv.hidden = t.rows.length === 0;
    const counted = h(
      'table',
      { class: 't-table cr-table', id: 'cr-counted' },
      h('caption', {}, `Runs counted (${t.rows.length})`),
      h('thead', {}, h('tr', {}, ...['#', 'From', 'Lesson', 'Settings', 'Seed', 'Hours', 'Main metric', 'Signed'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...[...t.rows].sort((a, b) => a.n - b.n).map((r) =>
          h(
            'tr',
            { 'data-seed': r.seed },
            h('td', {}, String(r.n)),
            h('td', { class: 'cr-name' }, r.name),
            h('td', {}, r.lesson),
            h('td', {}, settingsWords(r.settings)),
            h('td', {}, h('code', {}, r.seed)),
            h('td', {}, fmt(r.hours)),
            h('td', {}, `${fmt(r.value)}${r.unit ? ` ${r.unit}` : ''}`),
            h('td', {}, r.signed ? 'yes, hash matched' : 'not signed'),
          ),
        ),
      ),
    );
    const rejected =
      t.rejected.length === 0
        ? h('p', { id: 'cr-rejected-none' }, 'Every run brought in was counted.')
        : h(
            'ul',
            { id: 'cr-rejected', class: 'cr-rejected' },
            ...t.rejected.map((r) => h('li', { 'data-kind': r.kind }, h('strong', {}, `${r.n}. ${r.name}`), ` — ${KIND_WORDS[r.kind]}: ${r.reason}`)),
          );
    replace(
      results,
      h('h3', {}, `Groups (${t.groups.length})`),
      t.groups.length === 0 ? h('p', {}, 'No run could be counted.') : null,
      ...t.groups.map((g, k) => groupCard(g, k)),
      h('h3', {}, `Not counted (${t.rejected.length})`),
      rejected,
      h('div', { class: 't-settings' }, counted),
    );
  }

  return h(
    'article',
    { class: 'cr', 'aria-labelledby': 'cr-h' },
    h('h2', { id: 'cr-h' }, 'Class results'),
    h(
      'p',
      {},
      'Bring together your students’ runs, with no server: each run is replayed here, in this browser, and checked against the hash it carries. Runs are grouped by lesson, settings and length. Duplicates and runs that were changed are listed, not counted.',
    ),
    drop,
    h('label', { for: 'cr-paste' }, 'Or paste share links, one or more per line'),
    paste,
    h('p', { class: 'help', id: 'cr-paste-help' }, 'A link with a check (from Share, after the run) is signed; a plain lesson link is replayed for the lesson’s length and counted as not signed.'),
    h('div', { class: 'row' }, check, clear, downloadCsv),
    progress,
    status,
    results,
  );
}
