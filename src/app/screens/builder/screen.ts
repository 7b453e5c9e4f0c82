// The experiment builder (loaded on demand by entry.ts): a column beside the running tissue that
// edits the experiment — cell kinds, placing cells, vesicle kinds, the address book, switches,
// tissue and blood, charts, buttons, prompts — through the pure edit model (src/lab/builder/),
// with undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z). Every applied edit restarts the run from
// the edited scenario, redraws the rules in plain words and writes the page's address as a link.
import './builder.css';
import type { Session } from '../../session';
import type { Notify } from '../../ui/notices';
import type { ViewClick } from '../../ui/viewPanel';
import { loadLesson } from '../../../../lessons/library';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { withOverrides } from '../../../lab/settings';
import { readScenarioLink, scenarioLink, SCENARIO_PARAM } from '../../../lab/share/scenarioLink';
import { blankScenario, canRedo, canUndo, copyOfLesson, describeEdit, edit, redo, replace as replaceScenario, startHistory, undo, applyEdit, MAX_UNDO, type Edit, type History } from '../../../lab/builder/index';
import { language } from '../../../i18n/i18n';
import { loadLessonTexts, localLesson } from '../../../lab/i18n/lessonOverlays';
import { byId, h } from '../../ui/dom';
import type { Ctx } from './fields';
import { experimentSection, worldSection } from './world';
import { cellsSection } from './cells';
import { newPlaceTool, placeSection, placementAt } from './place';
import { vesiclesSection } from './vesicles';
import { addressBookSection } from './addressBook';
import { switchesSection } from './switches';
import { lessonSection } from './lessonParts';
import { scheduleSection } from './schedule';
import { filesPart } from './files';
import { rulesSection } from './rules';
import { mountClusterDrag } from './drag';
import { t } from './messages';
import { markDrawn, restoreTyped, typedText, watchApplied } from './keepTyping';

export interface BuilderDeps {
  session: Session;
  notify: Notify;
  path(): string;
  /** Client px → world µm on the stage (null before the view exists), and which tissue it shows. */
  toWorld(clientX: number, clientY: number): [number, number] | null;
  shownTissue(): number;
  /** Leaves the builder (the Lab's own column comes back). */
  close(): void;
}

export interface BuilderScreen {
  start(s: ScenarioFile): Promise<void>;
  click(c: ViewClick): boolean;
  copyLink(): Promise<void>;
}

/** Wait after the last edit before the run restarts and the address is written (ms). */
const SETTLE_MS = 300;

export function blank(): ScenarioFile {
  return blankScenario();
}

/** A copy of the run on screen (its lesson with the current settings, its words in the reader's language) to change. */
export function copyOfRun(session: Session): ScenarioFile {
  const base = session.base ?? blankScenario();
  const eff = withOverrides(base, session.overrides);
  const s = 'scenario' in eff ? eff.scenario : base;
  return session.lessonId === null ? structuredClone(s) : copyOfLesson(localLesson(s));
}

/** The experiment an address asks for, and what could not be used of it. */
export async function fromSearch(search: string): Promise<{ scenario: ScenarioFile; problems: string[]; title: string }> {
  const q = new URLSearchParams(search);
  if (q.has(SCENARIO_PARAM)) {
    const r = await readScenarioLink(search);
    if (r.ok) return { scenario: r.scenario, problems: [], title: '' };
    return { scenario: blankScenario(), problems: r.problems.map((p) => t('builder.status.problemAt', { path: p.path, message: p.message })), title: t('builder.link.refused') };
  }
  const id = q.get('build') ?? 'blank';
  if (id === 'blank' || id === '') return { scenario: blankScenario(), problems: [], title: '' };
  const l = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(id) ? await loadLesson(id) : undefined;
  if (l) {
    await loadLessonTexts(language(), [id]);
    return { scenario: copyOfLesson(localLesson(l)), problems: [], title: '' };
  }
  return { scenario: blankScenario(), problems: [t('builder.link.noLesson', { id: id.slice(0, 40) })], title: t('builder.link.partUnused') };
}

export function mountBuilder(d: BuilderDeps): BuilderScreen {
  let history: History = startHistory(blankScenario());
  /** Each step of the history in words, for Undo and Redo to say what they took back (kept in step with `history`). */
  let notes: { past: string[]; future: string[] } = { past: [], future: [] };
  const tool = newPlaceTool();
  let settle: ReturnType<typeof setTimeout> | undefined;
  let drawQueued = false;
  /** Edits made; the run shown is from edit `shown` (data-pending on the column until it catches up). */
  let edits = 0;

  const status = h('p', { class: 'bstatus', id: 'b-status', 'aria-live': 'polite' });
  const undoBtn = h('button', { type: 'button', id: 'b-undo', class: 'small', 'aria-keyshortcuts': 'Control+Z' }, t('builder.undo'));
  const redoBtn = h('button', { type: 'button', id: 'b-redo', class: 'small', 'aria-keyshortcuts': 'Control+Shift+Z' }, t('builder.redo'));
  const closeBtn = h('button', { type: 'button', id: 'b-close', class: 'small' }, t('builder.close'));
  const body = h('div', { class: 'builder-body' });
  const root = h(
    'aside',
    { id: 'builder', class: 'builder', 'aria-labelledby': 'builder-h' },
    h('div', { class: 'builder-head' }, h('h2', { id: 'builder-h' }, t('builder.heading')), h('div', { class: 'row' }, undoBtn, redoBtn, closeBtn), status),
    body,
  );
  byId('lesson').append(root);
  watchApplied(body);

  const say = (text: string) => {
    status.textContent = text;
  };

  /** A new step of the history, with its words. */
  const stepped = (next: History, what: string) => {
    notes = { past: [...notes.past, what].slice(-MAX_UNDO), future: [] };
    history = next;
    changed(t('builder.status.applied', { what }));
  };

  const ctx: Ctx = {
    get s() {
      return history.present;
    },
    apply(e: Edit, err?: HTMLElement | null) {
      const before = history.present;
      const r = edit(history, e);
      if (r.problem) {
        const msg = r.problem.path && err ? r.problem.message : t('builder.status.problemAt', { path: r.problem.path, message: r.problem.message });
        if (err) err.textContent = msg;
        else say(t('builder.status.notChanged', { problem: msg }));
        return false;
      }
      stepped(r.history, describeEdit(before, r.history.present, e));
      return true;
    },
    trial(e: Edit) {
      const r = applyEdit(history.present, e);
      return r.ok ? null : r.message;
    },
  };

  const files = filesPart({
    scenario: () => history.present,
    path: d.path,
    opened: (s) => stepped(replaceScenario(history, s), t('builder.edit.opened', { title: s.title })),
  });

  const draw = () => {
    drawQueued = false;
    delete root.dataset.redraw;
    const focusId = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.id : '';
    const scroll = body.scrollTop;
    const pageScroll = window.scrollY;
    // Keys typed since the edit went into the old fields: their text goes to the new ones.
    const typed = typedText(body);
    const sections = [
      experimentSection(ctx),
      cellsSection(ctx),
      placeSection(ctx, tool, placeAt, () => {
        tool.clicking = !tool.clicking;
        document.body.dataset.tool = tool.clicking ? 'place' : 'inspect';
        queueDraw();
        say(t(tool.clicking ? 'builder.status.placingOn' : 'builder.status.placingOff'));
      }),
      vesiclesSection(ctx),
      addressBookSection(ctx),
      switchesSection(ctx),
      worldSection(ctx),
      scheduleSection(ctx),
      lessonSection(ctx),
    ];
    body.replaceChildren(...sections, files.element);
    body.append(rulesSection(history.present, body));
    markDrawn(body);
    undoBtn.disabled = !canUndo(history);
    redoBtn.disabled = !canRedo(history);
    body.scrollTop = scroll;
    if (Math.abs(window.scrollY - pageScroll) > 1) window.scrollTo({ top: pageScroll });
    if (focusId) document.getElementById(focusId)?.focus({ preventScroll: true });
    restoreTyped(body, typed);
  };
  // Drawn after the event that changed things has finished (a Tab that committed a field moves focus first).
  const queueDraw = () => {
    if (drawQueued) return;
    drawQueued = true;
    // Marked while a redraw waits (scripts and tests read it as "the column is not up to date yet").
    root.dataset.redraw = '';
    setTimeout(draw, 0);
  };

  const replaceAddress = (url: string) => {
    const u = new URL(url, location.href);
    window.history.replaceState(window.history.state, '', u.pathname + u.search);
  };
  /** Restarts run one after another (a restart waits for the one before it). */
  let restarting: Promise<void> = Promise.resolve();
  const queueRestart = () => {
    restarting = restarting.then(restart, restart);
    return restarting;
  };
  const restart = async () => {
    const s = history.present;
    const at = edits;
    const problem = await d.session.open(s, null, s.seed);
    if (at === edits) delete root.dataset.pending;
    if (problem) say(t('builder.status.cannotStart', { problem }));
    const link = await scenarioLink(s, d.path());
    // The address follows the experiment while it fits in a link (the builder's own page otherwise).
    if (link.ok && document.documentElement.dataset.building !== undefined) replaceAddress(`${link.url}&mode=lab`);
  };

  function changed(text: string): void {
    edits++;
    root.dataset.pending = '';
    say(text);
    queueDraw();
    clearTimeout(settle);
    settle = setTimeout(() => void queueRestart(), SETTLE_MS);
  }

  function placeAt(x: number, y: number, tissueId = tool.tissue): boolean {
    const tissue = history.present.tissues[tissueId];
    const kind = history.present.cellTypes[tool.kind];
    if (!tissue || !kind) {
      say(t('builder.status.addKindFirst'));
      return false;
    }
    const ok = ctx.apply({ op: 'place', tissue: tissueId, placement: placementAt(tool, x, y, tissue, kind.radius) }, status);
    if (ok) say(tool.shape === 'scatter' ? t('builder.status.placedOver', { count: tool.count, kind: kind.name }) : t('builder.status.placedAt', { count: tool.count, kind: kind.name, x: Math.round(x), y: Math.round(y) }));
    return ok;
  }

  mountClusterDrag(byId('canvas-box'), {
    armed: () => tool.clicking && tool.shape === 'cluster' && document.documentElement.dataset.building !== undefined && document.documentElement.dataset.mode === 'lab',
    toWorld: d.toWorld,
    place: (x, y, radius) => {
      const tissueId = Object.keys(history.present.tissues)[d.shownTissue()];
      if (tissueId === undefined) return;
      tool.radius = Math.round(radius);
      tool.x = Math.round(x);
      tool.y = Math.round(y);
      placeAt(x, y, tissueId);
    },
  });

  const doUndo = () => {
    if (!canUndo(history)) return;
    history = undo(history);
    const what = notes.past.at(-1) ?? t('builder.edit.changed');
    notes = { past: notes.past.slice(0, -1), future: [what, ...notes.future] };
    changed(t('builder.status.undone', { what }));
  };
  const doRedo = () => {
    if (!canRedo(history)) return;
    history = redo(history);
    const what = notes.future[0] ?? t('builder.edit.changed');
    notes = { past: [...notes.past, what].slice(-MAX_UNDO), future: notes.future.slice(1) };
    changed(t('builder.status.redone', { what }));
  };
  undoBtn.addEventListener('click', doUndo);
  redoBtn.addEventListener('click', doRedo);
  closeBtn.addEventListener('click', () => {
    tool.clicking = false;
    document.body.dataset.tool = 'inspect';
    d.close();
    d.notify(t('builder.status.closed'));
  });

  // Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) undo and redo edits while building, except inside a text
  // field (which keeps its own undo). Caught before the page's own Ctrl+Z (the run's undo).
  document.addEventListener(
    'keydown',
    (e) => {
      if (document.documentElement.dataset.building === undefined || document.documentElement.dataset.mode !== 'lab') return;
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const t = e.target;
      if (t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(t.type))) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (k === 'y' || e.shiftKey) doRedo();
      else doUndo();
    },
    true,
  );

  return {
    async start(s: ScenarioFile) {
      history = startHistory(s);
      notes = { past: [], future: [] };
      tool.clicking = false;
      say(t('builder.status.building', { title: s.title }));
      edits++;
      root.dataset.pending = '';
      draw();
      clearTimeout(settle);
      await queueRestart();
    },
    click(c: ViewClick) {
      if (!tool.clicking) return false;
      const tissueId = Object.keys(history.present.tissues)[c.tissue];
      if (tissueId === undefined) return false;
      tool.x = Math.round(c.x);
      tool.y = Math.round(c.y);
      placeAt(c.x, c.y, tissueId);
      return true;
    },
    copyLink: () => files.copyLink(),
  };
}
