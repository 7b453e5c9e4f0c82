// The way into the experiment builder, part of the page's first load and kept small: the buttons
// ("Build your own experiment" on home, "Make a copy to change" in the Lab), the builder's
// addresses (?build=blank, ?build=<lesson>, ?scenario=<packed scenario>) and the loading of the
// builder itself on demand (screen.ts, a dynamic import) the first time it is needed.
import type { Session } from '../../session';
import type { Notify } from '../../ui/notices';
import type { ViewClick } from '../../ui/viewPanel';
import type { Banner } from '../../replay/banner';
import type { BuilderScreen } from './screen';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { h } from '../../ui/dom';
import { t } from '../../../i18n/i18n';

export interface BuilderEntryDeps {
  session: Session;
  notify: Notify;
  banner: Banner;
  /** Shows the lesson screen in Lab mode. */
  showLab(): void;
  /** The page's address without its query. */
  path(): string;
  /** Client px → world µm on the stage (null before the view exists), and which tissue it shows. */
  toWorld(clientX: number, clientY: number): [number, number] | null;
  shownTissue(): number;
}

export interface BuilderEntry {
  /** True while an experiment is being built (the builder replaces the Lab's column). */
  readonly active: boolean;
  /** A stage click taken by the builder's placing tool (true: the page does nothing else with it). */
  click(c: ViewClick): boolean;
  /** Whether an address asks for the builder. */
  wants(search: string): boolean;
  /** Opens the builder for an address (?build=… or ?scenario=…). */
  openFromUrl(search: string): Promise<void>;
  /** Copies the built experiment's share link (the header's "Copy link" while building). */
  copyLink(): Promise<void>;
  /** Puts the ways in on the page: home's "Build your own experiment", the Lab's "Make a copy to change". */
  placeButtons(): void;
}

export function isBuilderSearch(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.has('build') || q.has('scenario');
}

export function mountBuilderEntry(d: BuilderEntryDeps): BuilderEntry {
  let screen: BuilderScreen | null = null;
  let loading: Promise<BuilderScreen> | null = null;
  let active = false;

  const load = (): Promise<BuilderScreen> => {
    loading ??= import('./screen')
      .then((m) => {
        screen = m.mountBuilder({ session: d.session, notify: d.notify, path: d.path, toWorld: d.toWorld, shownTissue: d.shownTissue, close });
        return screen;
      })
      .catch((e: unknown) => {
        loading = null;
        throw e;
      });
    return loading;
  };

  const setActive = (on: boolean) => {
    active = on;
    if (on) document.documentElement.dataset.building = '';
    else delete document.documentElement.dataset.building;
  };

  function close(): void {
    setActive(false);
  }

  /** Starts building from a scenario (a new history). */
  const begin = async (start: () => Promise<ScenarioFile | null> | ScenarioFile | null, search: string, push: boolean) => {
    try {
      const b = await load();
      const s = await start();
      if (!s) return;
      if (push) history.pushState(null, '', d.path() + search);
      setActive(true);
      d.showLab();
      await b.start(s);
    } catch (e) {
      d.notify(t('builderEntry.loadFailed', { error: e instanceof Error ? e.message : String(e) }), 'warn');
    }
  };

  // A run of a lesson (a card, a link, a run file) ends the building.
  d.session.on('load', () => {
    if (active && d.session.lessonId !== null) setActive(false);
  });

  const placeButtons = () => {
    // Home: build from a blank tissue.
    const fromBlank = h('button', { type: 'button', id: 'home-build', class: 'primary' }, t('builderEntry.build'));
    fromBlank.addEventListener('click', () => void begin(async () => (await import('./screen')).blank(), '?build=blank&mode=lab', true));
    const homeOpen = document.querySelector('#home .home-open');
    homeOpen?.append(h('div', { class: 'row home-build-row' }, fromBlank, h('span', { class: 'help' }, t('builderEntry.buildHelp'))));

    // Lab: a copy of the lesson on screen (with its current settings) to change.
    const copy = h('button', { type: 'button', id: 'lab-build', class: 'small', title: t('builderEntry.copyHelp') }, t('builderEntry.copy'));
    copy.addEventListener('click', () => {
      const id = d.session.lessonId;
      void begin(async () => (await import('./screen')).copyOfRun(d.session), `?build=${encodeURIComponent(id ?? 'blank')}&mode=lab`, true);
    });
    (document.querySelector('#lab-nav nav') ?? document.getElementById('lab-nav'))?.append(copy);
  };

  return {
    get active() {
      return active;
    },
    click: (c) => (active && screen ? screen.click(c) : false),
    wants: isBuilderSearch,
    placeButtons,
    copyLink: async () => {
      if (screen) await screen.copyLink();
    },
    openFromUrl: (search) =>
      begin(async () => {
        const m = await import('./screen');
        const r = await m.fromSearch(search);
        if (r.problems.length > 0)
          d.banner.show({ key: 'link', kind: 'warn', title: r.title, lines: r.problems.slice(0, 12).concat(r.problems.length > 12 ? [t('builderEntry.more', { count: r.problems.length - 12 })] : []) });
        return r.scenario;
      }, '', false),
  };
}
