// The app's entry point: builds the session (engine in a worker), mounts every panel into the
// landmarks of index.html, and moves between the screens — home, and a lesson in Learn or Lab —
// with the address bar (a card pushes ?lesson=…, Back returns home, &mode=lab keeps the Lab).
import './styles.css';
import { Session } from './session';
import { lessonOrFirst } from './scenario';
import { loadSchemaTools } from './schemaTools';
import { firstLessonId, lessonCheckedElsewhere, loadLesson } from '../../lessons/library';
import { BENCH_AUTOPLAY_MAX, readUrl } from './url';
import { byId } from './ui/dom';
import { mountNotices } from './ui/notices';
import { mountHeader } from './ui/header';
import { mountTransport } from './ui/transport';
import { mountFailure } from './ui/failure';
import { mountViewPanel } from './ui/viewPanel';
import { mountParams } from './ui/params';
import { mountInterventions } from './ui/interventions';
// The inspector, the Lab's tools and run files load after the first picture (src/app/latePanels.ts);
// the inspector's card keeps its stylesheet in the page's first CSS.
import './ui/inspector.css';
// So is the offline note's (src/app/offline/): a stylesheet added while a lesson plays restyles the whole page.
import './offline/offline.css';
import type { LatePanels } from './latePanels';
import { afterFirstPicture, late } from './afterPicture';
import { mountOverlay } from './ui/overlay';
import { mountAbout } from './ui/about';
import { mountModelRules } from './ui/modelRules';
import { mountPrompts } from './ui/prompts';
import { mountSideFit } from './ui/sideFit';
import { mountCharts } from './ui/charts';
import { mountKeyboard } from './ui/keyboard';
import { mountKey } from './ui/key';
import { mountRunDescription } from './ui/runDescription';
import { mountCellFocus } from './ui/cellFocus';
import { mountBench, benchScenario } from './bench';
import { installTestHook } from './testHook';
import { formatClock } from '../../viz/format';
// Screens: home (lesson cards), a lesson in Learn or Lab, and the address bar that names them.
import { Screens } from './screens/screens';
import { lessonSearch, readRoute, withMode, type Mode } from './screens/route';
import { mountHome } from './screens/home';
import { mountLabNav } from './screens/labNav';
import type { Teacher } from './screens/teacher/teacher';
import { teacherButton } from './screens/teacher/teacherButton';
import { teacherSearch } from './screens/teacher/route';
// Timeline, run files and share links (src/timeline, src/replay, src/share).
import { mountTimeline } from './timeline/scrubber';
import { mountBanner } from './replay/banner';
import { listenForDrops } from './replay/dropTarget';
import { mountShare } from './share/shareUi';
// Compare, export and many runs load on demand, the first time the Lab is shown (src/app/labTools.ts).
import type { LabToolsMount } from './labTools';
import { createInlineCohort } from './cohortInline/panel';
import { mountSound } from './sound/soundLayer';
// A lesson's two views side by side on the Learn screen (src/sideBySide).
import { mountSideBySide } from './sideBySide/panes';
// The experiment builder: its ways in here, the builder itself loaded on demand (src/app/screens/builder/).
import { mountBuilderEntry } from './screens/builder/entry';
import { language, t } from '../i18n/i18n';
import { refusedMessage, startLanguage } from './language';
import { firstPicture, markLoad, pageLoaded, quietMoment, yieldToPage } from './loadMilestones';

markLoad('entry');
// A run file dropped on the page is the page's from its first script on, not only once the run-file
// panel has loaded (after the first picture): the browser would open it in place of the page.
const drops = listenForDrops(() => document.getElementById('run-files')?.hidden !== true);
// The language first (?lang=, remembered, or the browser's): every panel is built in it.
const languageStart = await startLanguage(location.search);
const session = new Session();
const notify = mountNotices(byId('notices'), session);
const url = readUrl();
const route = readRoute(location.search);
const screens = new Screens(route.screen, route.mode);
// A link to a lesson (or the speed test) starts the engine worker now, so that its code loads
// while the page builds its panels: the first picture comes sooner.
// The scenario checks (schemaTools.ts) and the linked lesson's file load alongside, in parallel
// (the session waits for them before a run; a failure is reported there).
// The worker fetches and checks the lesson's file meanwhile too, so that opening it there waits
// for neither (api.warm).
if (route.screen === 'lesson' || url.bench !== null) {
  session.client.start();
  const linked = url.bench !== null ? 'letters' : (new URLSearchParams(location.search).get('lesson') ?? firstLessonId());
  if (url.bench === null) {
    void session.client.call((api) => api.warm(linked));
    // The worker checks the lesson's file for its run anyway: the page takes its checked copy
    // rather than checking the same file again on its own thread, before the first picture.
    lessonCheckedElsewhere(
      linked,
      session.client.call((api) => api.warmedLesson(linked)),
    );
  }
  loadSchemaTools().catch(() => undefined);
  loadLesson(linked).catch(() => undefined);
  // Asking for those chunks costs the page time of its own (a preload link per file): the panels
  // are built in a task of their own.
  await yieldToPage();
}
const HOME_TITLE = t('app.title');
/** A tissue wider than this many times its height is a strip (the gut's is 8:3), laid out full width. */
const STRIP_ASPECT = 2.2;

function share(): void {
  links.update();
}

async function openLesson(id: string | null, seed?: string | null, overrides = new Map<string, number>()): Promise<void> {
  const base = await lessonOrFirst(id);
  const problem = await session.open(base, base.id, seed ?? base.seed, overrides);
  if (problem) {
    notify(t('main.linkSettings', { problem: /[.!?]$/.test(problem) ? problem : `${problem}.` }), 'warn');
    await session.open(base, base.id, seed ?? base.seed);
  }
  share();
}

async function reset(): Promise<void> {
  const problem = await session.reset();
  if (problem) notify(problem, 'warn');
}

/** A new seed from the browser's cryptographic source (never Math.random). */
function freshSeed(): string {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return String(a[0] % 1_000_000);
}

// ── Moving between screens ──

/** The lesson's address when the page last left it for home (Back/Forward and its card return to it). */
let leftLesson = '';

const lessonIdIn = (search: string) => new URLSearchParams(search).get('lesson');

function titleFor(): void {
  if (screens.screen === 'teacher') return; // the teacher page names itself
  document.title = screens.screen === 'home' ? HOME_TITLE : t('app.pageTitle', { title: session.scenario?.title ?? 'Cellpost' });
}

function goHome(): void {
  if (screens.screen === 'home') return;
  leftLesson = location.search;
  session.pause();
  history.pushState(null, '', location.pathname);
  screens.show('home');
  titleFor();
  byId('home-h').focus();
}

/** Opens a lesson from its card: the run already on the page if it is this lesson, else a fresh one. */
function openCard(id: string): void {
  if (session.info && session.lessonId === id) {
    const back = lessonIdIn(leftLesson) === id ? leftLesson : lessonSearch(id);
    history.pushState(null, '', location.pathname + back);
    screens.show('lesson', readRoute(back).mode);
    titleFor();
    return;
  }
  history.pushState(null, '', location.pathname + lessonSearch(id));
  screens.show('lesson', 'learn');
  void links.openFromUrl(lessonSearch(id), openLesson);
}

function setMode(mode: Mode): void {
  if (screens.screen !== 'lesson') return;
  history.replaceState(history.state, '', location.pathname + withMode(location.search, mode));
  screens.show('lesson', mode);
}

/** Shows a teacher page (a new history entry); from a lesson, Back returns to its run. */
function goTeacher(search: string): void {
  if (screens.screen === 'lesson') leftLesson = location.search;
  session.pause();
  history.pushState(null, '', location.pathname + search);
  screens.show('teacher');
  void teacher.show(search).then(() => byId('teacher-h').focus());
}

addEventListener('popstate', () => {
  const r = readRoute(location.search);
  if (builder.wants(location.search)) {
    screens.show('lesson', r.mode);
    void builder.openFromUrl(location.search);
    return;
  }
  if (r.screen === 'teacher') {
    session.pause();
    screens.show('teacher');
    void teacher.show(location.search);
    return;
  }
  if (r.screen === 'home') {
    session.pause();
    screens.show('home');
    titleFor();
    return;
  }
  screens.show('lesson', r.mode);
  titleFor();
  // Forward to the run still on the page: it is kept as it was.
  if (session.info && lessonIdIn(location.search) === session.lessonId) return;
  void links.openFromUrl(location.search, openLesson);
});

// On the home and teacher screens the run's shortcuts (Space, →, R) stay off: there is no run to see.
document.addEventListener('keydown', (e) => {
  if (screens.screen !== 'lesson' && [' ', 'ArrowRight', 'r', 'R'].includes(e.key)) e.stopImmediatePropagation();
});

// ── The page ──

const modelRules = mountModelRules(session);
const about = mountAbout(session, () => modelRules.open());
const header = mountHeader(session, {
  home: goHome,
  about: () => about.open(),
  setMode,
  copyLink: () => void (builder.active ? builder.copyLink() : links.copy()),
  textSizeChanged: () => {
    charts.rebuild();
    panel.view?.resize();
    sideBySide.refresh();
  },
});
header.showMode(screens.mode);
screens.onChange((_, mode) => {
  header.showMode(mode);
  sideBySide.refresh();
});

const transport = mountTransport(byId('transport'), session, {
  reset: () => void reset(),
  setSeed: (seed) => {
    if (seed === '' || seed === session.seed) return;
    void session.reseed(seed).then(share);
  },
  newSeed: () => void session.reseed(freshSeed()).then(share),
});
// The seed is a Lab control: Learn keeps the run controls to what a class needs.
byId('new-seed').closest('.group')?.classList.add('lab-only');
// Optional sound (off by default, src/app/sound): a toggle in the run controls, before the seed.
mountSound(byId('new-seed').closest('.group') ?? byId('new-seed'), session);
// Messages sit in the status strip of the run controls, never over the tissue or the charts.
transport.strip.append(byId('notices'));
const banner = mountBanner(byId('banner-strip'));
const links = mountShare(session, notify, banner, (link) => {
  // The bar follows the run only while the lesson is on screen, and keeps its mode (the builder writes its own).
  if (screens.screen !== 'lesson' || builder.active) return;
  const u = new URL(link, location.href);
  const next = u.pathname + withMode(u.search, screens.mode);
  // Writing the bar costs the page a long moment on a slow laptop: an unchanged address is left alone.
  if (next === location.pathname + location.search) return;
  history.replaceState(history.state, '', next);
});
const builder = mountBuilderEntry({
  session,
  notify,
  banner,
  showLab: () => {
    screens.show('lesson', 'lab');
    titleFor();
  },
  path: () => `${location.origin}${location.pathname}`,
  toWorld: (x, y) => panel.view?.clientToWorld(x, y) ?? null,
  shownTissue: () => panel.tissue,
});
mountFailure(byId('failure'), session, () => void openLesson(session.lessonId, session.seed, session.overrides));
const panel = mountViewPanel(byId('view-bar'), byId<HTMLCanvasElement>('view-canvas'), byId('legend'), session);
mountTimeline(byId('view-bar'), session).classList.add('lab-only');
mountKey(byId('key'), byId('key-body'), false);
// Two views side by side (organ-address's lung and liver, block-release's runs without and with
// the drug) on the Learn screen; the inspector's card goes beside the view used last.
const sideBySide = mountSideBySide({
  box: byId('canvas-box'),
  stage: byId('canvas-box').closest<HTMLElement>('.stage')!,
  panel,
  session,
  learning: () => screens.screen === 'lesson' && screens.mode === 'learn',
  notify: (text) => notify(text),
  inspect: (id) => void panels.use((p) => p.inspector.selectCell(id)),
  shown: () => fitStage(panel.tissue),
});
// Highlights: a hovered chart line wins over the inspected cell and its donors while it lasts.
let inspected: number[] = [];
let hovered: number[] | null = null;
const highlight = () => {
  panel.highlight(hovered ?? inspected);
  sideBySide.highlight(hovered ?? inspected);
};
// The inspector, the Lab's tools and run files: right after the first picture (or at once when
// the Lab is shown, or a cell is clicked, before that).
/** Redraws the followed vesicle's path (set once the overlay is mounted, below). */
let followMoved = (): void => undefined;
const panels = late<LatePanels>(
  afterFirstPicture(session, route.screen === 'lesson' || url.bench !== null),
  () =>
    import('./latePanels').then((m) =>
      m.mountLatePanels({
        session,
        notify,
        banner,
        highlight: (ids) => {
          inspected = ids;
          highlight();
        },
        stage: sideBySide.stage,
        tissue: () => panel.tissue,
      }).then((p) => {
        p.inspector.onFollow(() => followMoved());
        return p;
      }),
    ),
  (e: unknown) => notify(t('main.panelsFailed', { error: e instanceof Error ? e.message : String(e) }), 'warn'),
);
/** Opens a run file, loading the run-file panel now if it has not come yet. */
const openRunFile = (file: File): void => void panels.use((p) => p.runFiles.open(file));
// A dropped file (one dropped before this too) goes to the run-file panel.
drops.deliverTo(
  openRunFile,
  (n, name) => notify(t('replay.manyDropped', { n, name }), 'warn'),
);
// A lesson's small cohort (lesson.cohort.inline) runs in the sweep workers and is a page of the chart card.
const inlineCohort = createInlineCohort(session);
const charts = mountCharts(
  byId('charts'),
  session,
  (ids) => {
    hovered = ids;
    highlight();
  },
  (info) => [inlineCohort.page(info)].filter((p) => p !== null),
);
// The run in words (Learn): a sentence each simulated hour, spoken politely and shown as a caption.
mountRunDescription(byId('canvas-box'), session, () => screens.screen === 'lesson' && screens.mode === 'learn', sideBySide.describeMore);
// The keyboard on the tissue: arrows ring a cell, Enter opens its card beside it (focus moves there).
mountCellFocus(byId('canvas-box'), panel, session, (id) => void panels.use((p) => p.inspector.selectCell(id)));
mountPrompts(byId('prompt'), session, (hours) => notify(t('main.promptDone', { time: formatClock(hours) })), charts);
mountInterventions(byId('interventions'), session, notify);
mountSideFit(document.querySelector<HTMLElement>('.side')!, byId('prompt'), byId('interventions'));
// The lesson screen's own panels are built: the rest (the Lab's, the keyboard, home) in a task of
// its own, so that building the page is not one long task on a slow laptop.
markLoad('lesson-panels');
await yieldToPage();
mountParams(byId('settings'), session, notify, share);
const overlay = mountOverlay(byId<HTMLCanvasElement>('overlay-canvas'), panel.toScreen, () => panels.now?.inspector.followed ?? null, () => panel.tissue);
// The followed path moves with the view (pan, zoom, resize, frames, tissue) and with each report.
panel.onRender(overlay.update);
followMoved = overlay.update;
mountKeyboard(session, () => void reset(), () => void notify.undo());
// Lab, "Runs and files": save/open (above); compare two runs, many runs and export load the
// first time the Lab is shown, so a Learn visit never downloads them.
let labTools: Promise<void> | null = null;
let labToolsReady = false;
function loadLabTools(): Promise<void> {
  const m: LabToolsMount = { compare: byId('compare'), exportFrom: { viewCanvas: panel.canvas, overlayCanvas: byId<HTMLCanvasElement>('overlay-canvas'), charts: byId('charts'), tissue: () => panel.tissue } };
  labTools ??= import('./labTools')
    .then((lab) => {
      lab.mountLabTools(session, m);
      labToolsReady = true;
    })
    .catch((e: unknown) => {
      labTools = null;
      notify(t('main.labToolsFailed', { error: e instanceof Error ? e.message : String(e) }), 'warn');
    });
  return labTools;
}
// The Lab shown: its tools load, and the late panels (the inspector's and the tools' sections, run files) load now.
function labShown(): void {
  void loadLabTools();
  void panels.use(() => undefined);
}
if (screens.screen === 'lesson' && screens.mode === 'lab') labShown();
screens.onChange((screen, mode) => {
  if (screen === 'lesson' && mode === 'lab') labShown();
});
mountLabNav(byId('lab-nav'), [
  { id: 'settings', label: t('lab.settings') },
  { id: 'inspector', label: t('lab.inspect') },
  { id: 'tools', label: t('lab.tools') },
  { id: 'lab-runs', label: t('lab.runs') },
]);
// The teacher page (notes, worksheets, the link builder, every lesson's text) loads the first time it is shown.
let teacherPage: Promise<Teacher> | null = null;
const teacher = {
  show(search: string): Promise<void> {
    teacherPage ??= import('./screens/teacher/teacher').then((m) => m.mountTeacher(byId('teacher'), { go: goTeacher, openLesson: (s) => openCard(new URLSearchParams(s).get('lesson') ?? '') }));
    return teacherPage.then(
      (page) => page.show(search),
      (e: unknown) => {
        teacherPage = null;
        notify(t('main.teacherFailed', { error: e instanceof Error ? e.message : String(e) }), 'warn');
      },
    );
  },
};
byId('lesson-picker').append(teacherButton(() => session.lessonId, goTeacher));
mountHome(byId('home'), {
  teacher: { search: teacherSearch(''), open: () => goTeacher(teacherSearch(session.lessonId ?? '')) },
  classResults: { search: teacherSearch('', 'class'), open: () => goTeacher(teacherSearch(session.lessonId ?? '', 'class')) },
  open: openCard,
  openRunFile,
  openLink: (search) => {
    history.pushState(null, '', location.pathname + search);
    const r = readRoute(search);
    screens.show('lesson', r.mode);
    void links.openFromUrl(search, openLesson);
  },
});
builder.placeButtons();
markLoad('panels');
installTestHook(session, {
  // In the Lab, ready also waits for its tools (loaded on demand).
  labReady: () => (labToolsReady && panels.now !== null) || !(screens.screen === 'lesson' && screens.mode === 'lab'),
  toClient: (x, y) => {
    const r = panel.canvas.getBoundingClientRect();
    const [sx, sy] = panel.toScreen(x, y);
    return [r.left + panel.canvas.clientLeft + sx, r.top + panel.canvas.clientTop + sy];
  },
});

panel.onClick((c) => {
  // While building, the builder's placing tool takes the click.
  if (screens.mode === 'lab' && builder.click(c)) return;
  // The Lab's tools (place a cell, inject vesicles) act only in Lab: in Learn a click inspects.
  const tools = panels.now?.tools;
  if (screens.mode === 'lab' && tools && tools.mode !== 'inspect') {
    void tools.applyAt(c.tissue, c.x, c.y);
    return;
  }
  if (c.cell) {
    const id = c.cell.id;
    void panels.use((p) => p.inspector.selectCell(id));
    return;
  }
  // Following a vesicle is a Lab tool too.
  if (screens.mode !== 'lab') {
    notify(t('main.noCell'));
    return;
  }
  void panels.use((p) => p.inspector.followAt(c.tissue, c.x, c.y, 8 * c.umPerPx)).then((ok) => {
    if (ok === false) notify(t('main.noCellOrVesicle'));
  });
});

/**
 * The stage keeps the shape of the tissue shown when the page flows (phones, portrait tablets),
 * and a long strip of tissue (the gut), or two views side by side, gets the window's whole width
 * in Learn (the stylesheet): two tissues in a row are a strip too (two 3 : 2 patches beside the
 * side column would fill 30 % of a 1280 × 720 window, across its whole width 57 %).
 */
const fitStage = (t: number) => {
  const tissue = session.scenario ? Object.values(session.scenario.tissues)[t] : undefined;
  if (!tissue) return;
  byId('canvas-box').style.setProperty('--tissue-aspect', `${tissue.width} / ${tissue.height}`);
  document.documentElement.dataset.stageShape = sideBySide.showing || tissue.width > STRIP_ASPECT * tissue.height ? 'strip' : 'box';
};
panel.onTissue(fitStage);

const stopMarking = session.on('draw', () => {
  stopMarking();
  markLoad('first-picture');
});
/**
 * A run warning: the engine writes it in English; in another language its words load on demand
 * (ui/engineWords.ts, rare enough to stay out of the first load). The page's own warnings (in
 * the reader's words already) pass through unchanged.
 */
const warn = (w: string) => {
  if (language() === 'en') notify(w, 'warn');
  else void import('./ui/engineWords').then((m) => notify(m.warningText(w, session.scenario), 'warn'), () => notify(w, 'warn'));
};
let seenWarnings = 0;
session.on('frame', (f) => {
  for (const w of f.warnings.slice(seenWarnings)) warn(w);
  seenWarnings = f.warnings.length;
});
session.on('load', (info) => {
  markLoad('run-loaded');
  seenWarnings = 0;
  for (const w of info.warnings) warn(w);
  seenWarnings = info.warnings.length;
  fitStage(panel.tissue);
  titleFor();
  // A run opened from home (a run file picked or dropped there) shows its lesson.
  if (screens.screen === 'home') {
    history.pushState(null, '', location.pathname + lessonSearch(info.scenario.id));
    screens.show('lesson', 'learn');
    titleFor();
  }
  // Lab sections a shared link hid leave the Lab menu too.
  for (const b of byId('lab-nav').querySelectorAll<HTMLElement>('button[data-target]')) b.hidden = document.getElementById(b.dataset.target ?? '')?.hidden ?? true;
});

// ?quality=full or ?quality=reduced keeps the drawing quality fixed (for comparisons and tests).
const pinQuality = new URLSearchParams(location.search).get('quality');
if (pinQuality === 'full' || pinQuality === 'reduced') session.quality.pin(pinQuality);

if (url.bench !== null) {
  const packets = url.bench;
  mountBench(session, packets);
  if (url.benchNote) notify(url.benchNote, 'warn');
  void benchScenario(packets).then((s) => session.open(s, null, '1')).then((problem) => {
    if (problem) notify(t('main.benchFailed', { problem }), 'warn');
    // Millions of dots load a laptop hard: the test starts them only when asked to.
    else if (packets > BENCH_AUTOPLAY_MAX) notify(t('main.benchReady', { count: packets }));
    else session.play();
  });
} else if (builder.wants(location.search)) void builder.openFromUrl(location.search);
else if (route.screen === 'lesson') void links.openFromUrl(location.search, openLesson);
else if (route.screen === 'teacher') void teacher.show(location.search);
else titleFor();

// Offline use (src/app/offline/): the service worker is registered once the page has loaded, from
// a chunk of its own (not first-load code); only in the built app (`vite build`'s mode, whatever
// NODE_ENV says), so never in dev nor in the one-file copy (mode 'single', opened from disk).
// On a lesson it waits for the first picture too, and then for a quiet moment: installing fetches
// every file of the app, which would otherwise compete with the first picture for the network and CPU.
if (import.meta.env.MODE === 'production') {
  const picture = route.screen === 'lesson' || url.bench !== null ? firstPicture(session) : Promise.resolve();
  void Promise.all([pageLoaded(), picture])
    .then(() => quietMoment())
    .then(() => import('./offline/register'))
    .then((m) => m.registerOffline());
}
const refused = refusedMessage(languageStart);
if (refused) notify(refused, 'warn');
