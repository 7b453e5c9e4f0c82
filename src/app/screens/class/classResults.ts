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
import { PASTED } from '../../../lab/class/inputs';
import { t } from '../../../lab/class/messages';
import { localLesson } from '../../../lab/i18n/lessonOverlays';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import './class.css';

const fmt = (x: number) => formatNumber(x, 4);
/** Largest file read (a run file's own limit is far larger; a student's is a few kB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How the list of runs not counted names each reason. */
const kindWords = (k: RejectKind): string => t(k === 'invalid' ? 'class.kind.invalid' : k === 'tampered' ? 'class.kind.tampered' : 'class.kind.duplicate');

/** A lesson in the page's language (its title, main metric and choices), or undefined. */
const shownLesson = (id: string): ScenarioFile | undefined => {
  const s = lesson(id);
  return s ? localLesson(s) : undefined;
};

let view: HTMLElement | null = null;

/** The view (one per page: what was brought in stays when the teacher looks at another tab). */
export function classResults(): HTMLElement {
  view ??= build();
  return view;
}

function settingsWords(s: string): string {
  return s === '' ? t('class.ownSettings') : s;
}

function build(): HTMLElement {
  const files: ClassSource[] = [];
  const fileInput = h('input', { type: 'file', id: 'cr-files', multiple: true, accept: '.json,.txt,application/json,text/plain', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const choose = h('button', { type: 'button', id: 'cr-choose' }, t('class.choose'));
  const fileCount = h('p', { class: 'help', id: 'cr-file-count', 'aria-live': 'polite' }, t('class.noFiles'));
  const drop = h(
    'div',
    { class: 'cr-drop', id: 'cr-drop' },
    h('p', { class: 'cr-drop-words' }, t('class.drop')),
    h('div', { class: 'row' }, choose, fileInput),
    fileCount,
  );
  const paste = h('textarea', { id: 'cr-paste', rows: 5, spellcheck: 'false', class: 'cr-paste', placeholder: 'https://…?lesson=…&seed=…\nhttps://…?lesson=…&seed=…', 'aria-describedby': 'cr-paste-help' });
  const check = h('button', { type: 'button', class: 'primary', id: 'cr-check' }, t('class.check'));
  const clear = h('button', { type: 'button', id: 'cr-clear' }, t('class.clear'));
  const status = h('p', { id: 'cr-status', class: 'cr-status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'cr-progress', max: 1, value: 0, hidden: true, 'aria-label': t('class.progressLabel') });
  const results = h('div', { id: 'cr-results', class: 'cr-results' });
  const downloadCsv = h('button', { type: 'button', id: 'cr-csv', hidden: true }, t('class.csv'));

  let table: ClassTable | null = null;
  let running: PoolVerify | null = null;
  let version = 0;
  const undraw: (() => void)[] = [];

  const showCount = () => {
    const names = files
      .slice(0, 4)
      .map((f) => f.name)
      .join(', ');
    fileCount.textContent = files.length === 0 ? t('class.noFiles') : files.length > 4 ? t('class.filesReadyMore', { n: files.length, names, more: files.length - 4 }) : t('class.filesReady', { n: files.length, names });
  };
  const addFiles = async (list: FileList | File[]) => {
    const refused: string[] = [];
    for (const f of Array.from(list)) {
      if (f.size > MAX_FILE_BYTES) {
        refused.push(t('class.tooLarge', { name: f.name, mb: MAX_FILE_BYTES / 1048576 }));
        continue;
      }
      try {
        files.push({ name: f.name, text: await f.text() });
      } catch {
        refused.push(t('class.unreadable', { name: f.name }));
      }
    }
    showCount();
    if (refused.length > 0) status.textContent = t('class.notRead', { list: refused.join(', ') });
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
    if (paste.value.trim() !== '') sources.push({ name: PASTED, text: paste.value });
    if (sources.length === 0) {
      status.textContent = t('class.nothing');
      return;
    }
    status.textContent = t('class.reading');
    const { entries, dropped } = await readSources(sources);
    if (mine !== version) return;
    const toRun = entries.filter((e) => e.ok).length;
    const workers = Math.min(defaultWorkers(), Math.max(1, toRun));
    status.textContent = t('class.replaying', { runs: toRun, workers });
    progress.hidden = toRun === 0;
    progress.value = 0;
    running = verifyOnPool(entries, startWebWorker, workers, (fraction, runs) => {
      if (mine !== version) return;
      progress.value = fraction;
      status.textContent = t('class.progress', { done: runs, total: toRun });
    });
    let outcomes;
    try {
      outcomes = await running.done;
    } catch (e) {
      if (mine === version) {
        status.textContent = t('class.failed', { error: e instanceof Error ? e.message : String(e) });
        progress.hidden = true;
      }
      return;
    }
    if (mine !== version) return;
    running = null;
    progress.hidden = true;
    table = classTable(entries, outcomes);
    const counts = { counted: table.rows.length, rejected: table.rejected.length };
    status.textContent = dropped > 0 ? t('class.summaryDropped', { ...counts, dropped, max: entries.length }) : t('class.summary', counts);
    show(table);
  }

  function groupCard(g: ClassGroup, k: number): HTMLElement {
    const own = shownLesson(g.lesson);
    const label = own?.lesson?.mainMetric?.label ?? g.metricLabel;
    const title = t('class.groupTitle', { lesson: own?.title ?? g.lessonTitle, settings: settingsWords(g.settings), hours: fmt(g.hours) });
    const chart = h('div', { class: 'cr-chart' });
    const card = h(
      'section',
      { class: 'cr-group', 'aria-labelledby': `cr-g${k}-h`, 'data-lesson': g.lesson },
      h('h4', { id: `cr-g${k}-h` }, title),
      h('p', { class: 'cr-metric' }, g.unit ? t('class.metricAtEnd', { label, metric: g.metric, unit: g.unit }) : t('class.metricAtEndNoUnit', { label, metric: g.metric }), ' ', h('strong', { class: 'cr-interval' }, intervalWords(g.interval, fmt))),
      chart,
      h(
        'p',
        { class: 'cr-key', 'aria-hidden': 'true' },
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-dot' }), t('class.keyRun')),
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-mean' }), t('class.keyMean')),
        h('span', { class: 'cr-key-item' }, h('span', { class: 'cr-key-band' }), t('class.keyBand')),
      ),
    );
    undraw.push(drawClassStrip(chart, g, label, t('class.stripTitle', { label, n: g.rows.length })));
    const unsigned = g.rows.filter((r) => !r.signed).length;
    if (unsigned > 0) card.append(h('p', { class: 'cr-note' }, t('class.unsigned', { n: unsigned })));
    if (g.predictions.length > 0)
      card.append(
        h('h5', {}, t('class.predictionsHeading')),
        h(
          'ul',
          { class: 'cr-predictions' },
          ...g.predictions.map((p) =>
            h(
              'li',
              {},
              [
                t('class.predPrompt', { prompt: p.prompt + 1, n: p.runs }),
                p.choices.length > 0 ? p.choices.map((c) => t('class.predChoice', { label: choiceLabel(g.lesson, p.prompt, c.choice), count: c.count })).join(', ') : null,
                shownLabel(g.lesson, p.prompt),
                p.sketchEnd ? t('class.predSketches', { n: p.sketches, lo: fmt(p.sketchEnd.lo), hi: fmt(p.sketchEnd.hi) }) : null,
              ]
                .filter((x) => x !== null)
                .join(' · '),
            ),
          ),
        ),
      );
    return card;
  }

  /** A choice's words in the lesson (its id when the lesson has no such choice). */
  function choiceLabel(lessonId: string, prompt: number, id: string): string {
    return shownLesson(lessonId)?.lesson?.prompts[prompt]?.choices?.find((c) => c.id === id)?.label ?? id;
  }

  /** What the lesson's own test runs show for a prompt, after the students' answers. */
  function shownLabel(lessonId: string, prompt: number): string | null {
    const spec = lesson(lessonId)?.lesson?.prompts[prompt];
    return spec?.shows ? t('class.predShows', { label: choiceLabel(lessonId, prompt, spec.shows) }) : null;
  }

  function show(tb: ClassTable): void {
    for (const f of undraw.splice(0)) f();
    downloadCsv.hidden = tb.rows.length === 0;
    const counted = h(
      'table',
      { class: 't-table cr-table', id: 'cr-counted' },
      h('caption', {}, t('class.countedCaption', { n: tb.rows.length })),
      h('thead', {}, h('tr', {}, ...['#', t('class.col.from'), t('class.col.lesson'), t('class.col.settings'), t('class.col.seed'), t('class.col.hours'), t('class.col.metric'), t('class.col.signed')].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...[...tb.rows].sort((a, b) => a.n - b.n).map((r) =>
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
            h('td', {}, r.signed ? t('class.signedYes') : t('class.signedNo')),
          ),
        ),
      ),
    );
    const rejected =
      tb.rejected.length === 0
        ? h('p', { id: 'cr-rejected-none' }, t('class.allCounted'))
        : h(
            'ul',
            { id: 'cr-rejected', class: 'cr-rejected' },
            ...tb.rejected.map((r) => h('li', { 'data-kind': r.kind }, h('strong', {}, `${r.n}. ${r.name}`), ' ', t('class.rejectedWhy', { kind: kindWords(r.kind), reason: r.reason }))),
          );
    replace(
      results,
      h('h3', {}, t('class.groupsHeading', { n: tb.groups.length })),
      tb.groups.length === 0 ? h('p', {}, t('class.noGroups')) : null,
      ...tb.groups.map((g, k) => groupCard(g, k)),
      h('h3', {}, t('class.notCountedHeading', { n: tb.rejected.length })),
      rejected,
      h('div', { class: 't-settings' }, counted),
    );
  }

  return h(
    'article',
    { class: 'cr', 'aria-labelledby': 'cr-h' },
    h('h2', { id: 'cr-h' }, t('class.title')),
    h('p', {}, t('class.intro')),
    drop,
    h('label', { for: 'cr-paste' }, t('class.pasteLabel')),
    paste,
    h('p', { class: 'help', id: 'cr-paste-help' }, t('class.pasteHelp')),
    h('div', { class: 'row' }, check, clear, downloadCsv),
    progress,
    status,
    results,
  );
}
