// The app's entry point: builds the session (engine in a worker), mounts every panel into the
// landmarks of index.html, opens the lesson from the link (or the first one), and installs the
// keyboard shortcuts and the read-only test hook.
import './styles.css';
import { Session } from './session';
import { lessonOrFirst } from './scenario';
import { readUrl } from './url';
import { byId } from './ui/dom';
import { mountNotices } from './ui/notices';
import { mountHeader } from './ui/header';
import { mountTransport } from './ui/transport';
import { mountFailure } from './ui/failure';
import { mountViewPanel } from './ui/viewPanel';
import { mountParams } from './ui/params';
import { mountInterventions } from './ui/interventions';
import { mountTools } from './ui/tools';
import { mountInspector } from './ui/inspector';
import { mountOverlay } from './ui/overlay';
import { mountAbout } from './ui/about';
import { mountPrompts } from './ui/prompts';
import { mountCharts } from './ui/charts';
import { mountKeyboard } from './ui/keyboard';
import { mountBench, benchScenario } from './bench';
import { installTestHook } from './testHook';
import { formatClock } from '../../viz/format';
// Timeline, run files and share links (src/timeline, src/replay, src/share).
import { mountTimeline } from './timeline/scrubber';
import { mountBanner } from './replay/banner';
import { mountRunFiles } from './replay/runFiles';
import { mountShare } from './share/shareUi';
import { mountExport } from './export/panel';
import { mountPaired } from './paired/panel';
// Repeat & sweep (src/sweep): many headless runs in a pool of sweep workers.
import { mountSweep } from './sweep/panel';

const session = new Session();
const notify = mountNotices(byId('notices'), session);
const url = readUrl();

function share(): void {
  links.update();
}

async function openLesson(id: string | null, seed?: string | null, overrides = new Map<string, number>()): Promise<void> {
  const base = lessonOrFirst(id);
  const problem = await session.open(base, base.id, seed ?? base.seed, overrides);
  if (problem) {
    notify(`The settings in the link were not valid, so the lesson opens with its own: ${problem}`, 'warn');
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

mountHeader(session, notify, (id) => void openLesson(id), () => void links.copy());
const transport = mountTransport(byId('transport'), session, {
  reset: () => void reset(),
  setSeed: (seed) => {
    if (seed === '' || seed === session.seed) return;
    void session.reseed(seed).then(share);
  },
  newSeed: () => void session.reseed(freshSeed()).then(share),
});
// Messages sit in the status strip of the run controls, never over the tissue or the charts.
transport.strip.append(byId('notices'));
const banner = mountBanner(byId('transport'));
const links = mountShare(session, notify, banner);
mountRunFiles(byId('transport'), session, notify, banner);
mountFailure(byId('failure'), session, () => void openLesson(session.lessonId, session.seed, session.overrides));
const panel = mountViewPanel(byId('view-bar'), byId<HTMLCanvasElement>('view-canvas'), byId('legend'), session);
mountTimeline(byId('view-bar'), session);
// Highlights: a hovered chart line wins over the inspected cell and its donors while it lasts.
let inspected: number[] = [];
let hovered: number[] | null = null;
const highlight = () => panel.highlight(hovered ?? inspected);
const inspector = mountInspector(
  byId('inspector'),
  session,
  (ids) => {
    inspected = ids;
    highlight();
  },
  { canvas: panel.canvas, toScreen: panel.toScreen, tissue: () => panel.tissue },
);
mountCharts(byId('charts'), session, (ids) => {
  hovered = ids;
  highlight();
});
mountPrompts(byId('prompt'), session, (hours) => notify(`The lesson's ${formatClock(hours)} are done. Press Play to keep going, or Reset to start again.`));
mountInterventions(byId('interventions'), session, notify);
mountParams(byId('settings'), session, notify, share);
const tools = mountTools(byId('tools'), session, notify, () => panel.tissue);
mountAbout(byId('about'), session);
mountOverlay(byId<HTMLCanvasElement>('overlay-canvas'), panel.toScreen, () => inspector.followed, () => panel.tissue);
mountKeyboard(session, () => void reset(), () => void notify.undo());
// Export (src/export): CSV, PNG, video and everything in one ZIP.
mountExport(session, { after: byId('interventions'), viewCanvas: panel.canvas, overlayCanvas: byId<HTMLCanvasElement>('overlay-canvas'), charts: byId('charts'), tissue: () => panel.tissue });
// Paired what-if runs (src/paired): opened from the Interventions panel.
mountPaired(session, byId('interventions'));
// Repeat & sweep (src/sweep): a side panel under Interventions opens its dialog.
mountSweep(session, byId('interventions'));
installTestHook(session, {
  toClient: (x, y) => {
    const r = panel.canvas.getBoundingClientRect();
    const [sx, sy] = panel.toScreen(x, y);
    return [r.left + panel.canvas.clientLeft + sx, r.top + panel.canvas.clientTop + sy];
  },
});

panel.onClick((c) => {
  if (tools.mode !== 'inspect') {
    void tools.applyAt(c.tissue, c.x, c.y);
    return;
  }
  if (c.cell) {
    void inspector.selectCell(c.cell.id);
    return;
  }
  void inspector.followAt(c.tissue, c.x, c.y, 8 * c.umPerPx).then((ok) => {
    if (!ok) notify('No cell or vesicle there. Click on a cell to inspect it, or on a dot to follow it.');
  });
});

let seenWarnings = 0;
session.on('frame', (f) => {
  for (const w of f.warnings.slice(seenWarnings)) notify(w, 'warn');
  seenWarnings = f.warnings.length;
});
session.on('load', (info) => {
  seenWarnings = 0;
  for (const w of info.warnings) notify(w, 'warn');
  seenWarnings = info.warnings.length;
});

if (url.bench !== null) {
  mountBench(session, url.bench);
  void session.open(benchScenario(url.bench), null, '1').then(() => session.play());
} else void links.openFromUrl(location.search, (id, seed, overrides) => openLesson(id, seed, overrides));
