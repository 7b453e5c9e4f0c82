// Sharing the run: the address bar follows the run (history.replaceState), "Copy link" copies it
// with a hash check, "Share…" opens a dialog with the link, an embed snippet for course pages and
// the teacher's choice of controls to hide; a link that opens the page is read with what was ignored.
// The link itself (encoding, decoding, checks) is the lab's codec, src/lab/share/.
import { ENGINE_VERSION } from '../../../sim/index';
import { language, t, type MessageKey } from '../../i18n/i18n';
import type { DecodedLink, EncodedLink, Overrides, RunFile } from '../../lab';
import { HIDEABLE, LINK_LIMIT, type Hideable, type Lockable } from '../../lab/share/parts';
import { RUN_FORMAT, RUN_VERSION } from '../../lab/runFormat';
import { loadSchemaTools } from '../schemaTools';
import { yieldToPage } from '../loadMilestones';
import { loadLesson } from '../../../lessons/library';
import { classSeed, readClassParam } from '../../lab/class/seed';
import type { Session } from '../session';
import { byId, h } from '../ui/dom';
import type { Notify } from '../ui/notices';
import type { Banner } from '../replay/banner';
import { applyLocks } from './lock';
import { askStudentNumber } from './studentNumber';
import { rememberedDiff } from './diffMemo';
import './share.css';
import { paramLabel, unitText } from '../../i18n/paramText';

/** How the share dialog names each part a link can hide (in English as src/lab/share/options.ts names them). */
const PART_KEYS: Record<Hideable, MessageKey> = {
  lesson: 'share.part.lesson',
  seed: 'share.part.seed',
  settings: 'share.part.settings',
  interventions: 'share.part.interventions',
  tools: 'share.part.tools',
  timeline: 'share.part.timeline',
  runfiles: 'share.part.runfiles',
  mode: 'share.part.mode',
};
export const hideLabel = (part: Hideable): string => t(PART_KEYS[part]);

export interface Share {
  /** Brings the address bar up to date (soon; changes close together are merged). */
  update(): void;
  /** Copies the link of the current run (with a hash check) and says what it carries. */
  copy(): Promise<void>;
  /** Opens the page's link: a lesson with seed and settings, or a recorded run with its events. */
  openFromUrl(search: string, openLesson: (id: string, seed: string, overrides: Overrides) => Promise<void>): Promise<void>;
}

interface Built extends EncodedLink {
  /** Why the link cannot reproduce this run, if it cannot. */
  problem: string | null;
  settings: number;
}

/** The iframe a teacher pastes into a course page (attribute values escaped). */
export function embedSnippet(url: string, title: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // i18n-exempt: HTML for a course page; its title attribute is translated
  return `<iframe src="${attr(url)}" title="${attr(t('share.embedTitle', { title }))}" width="1280" height="760" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
}

/**
 * `address` writes the run's link into the address bar (default: history.replaceState); the page
 * passes its own to keep its screen and mode in it, and to leave the bar alone on the home screen.
 */
export function mountShare(session: Session, notify: Notify, banner: Banner, address: (url: string) => void = (url) => history.replaceState(null, '', url)): Share {
  let hide: Hideable[] = [];
  /** Parts the opening link locked: kept in every link the page writes. */
  let lock: Lockable[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastVersion = -1;
  /** The address bar is written only once the page was opened from a link (never in bench mode). */
  let enabled = false;
  const base = () => `${location.origin}${location.pathname}`;
  /** The settings of the run's start, worked out once per lesson and starting scenario (diffMemo.ts). */
  let diffOf: ReturnType<typeof rememberedDiff> | null = null;

  /** The link of the current run. */
  const build = async (opts: { withCheck: boolean; hide: readonly Hideable[] }): Promise<Built | null> => {
    const st = await session.client.call((api) => api.shareState());
    if (!st) return null;
    const own = await loadLesson(st.initialScenario.id);
    const { settingsDiff, encodeLink } = await loadSchemaTools();
    // The link is made in three short tasks (the diff, the encoding, the address), not one long one.
    await yieldToPage();
    diffOf ??= rememberedDiff(settingsDiff);
    const diff = own ? diffOf(own, st.initialScenario) : null;
    if (!own || !diff) {
      const url = own ? `${base()}?${new URLSearchParams({ lesson: own.id, seed: st.seed }).toString()}` : base();
      return { url, logDropped: false, events: 0, settings: 0, problem: t('share.notLinkable') };
    }
    // Without its events, a link carries the settings as Reset would use them.
    const resetSettings = session.lessonId === own.id ? session.overrides : diff;
    await yieldToPage();
    const link = await encodeLink({ lesson: own.id, seed: st.seed, overrides: diff, events: st.events, check: st.check, hide: opts.hide, lock, predictions: session.predictions.list(), lang: language() }, resetSettings, base(), { withCheck: opts.withCheck, limit: LINK_LIMIT });
    return { ...link, settings: link.logDropped ? resetSettings.size : diff.size, problem: null };
  };

  const writeAddress = async () => {
    if (!enabled || !session.info) return;
    const b = await build({ withCheck: false, hide });
    if (!b) return;
    await yieldToPage();
    address(b.url);
  };

  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void writeAddress(), 250);
  };

  /** What a link carries, as one phrase in the reader's language ("lesson, seed, 2 settings and the event log (3 events); 412 characters"). */
  const describe = (b: Built) => t('share.carries', { settings: b.settings, events: b.events, chars: b.url.length });
  const dropped = (n: number) => t('share.logDropped', { n, limit: LINK_LIMIT });

  const copy = async () => {
    const b = await build({ withCheck: true, hide });
    if (!b) return;
    const events = (await session.client.call((api) => api.eventLog()))?.events.length ?? 0;
    try {
      await navigator.clipboard.writeText(b.url);
      notify(t('share.copied', { what: describe(b) }));
    } catch {
      notify(t('share.copyThis', { url: b.url }));
    }
    if (b.problem) notify(b.problem, 'warn');
    else if (b.logDropped) notify(dropped(events), 'warn');
  };

  // ── The share dialog ──
  const linkField = h('input', { type: 'text', id: 'share-link', readonly: true, class: 'share-link', spellcheck: 'false' });
  const linkNote = h('p', { class: 'help', id: 'share-link-note' });
  const embedField = h('textarea', { id: 'share-embed', readonly: true, rows: 3, class: 'share-embed', spellcheck: 'false' });
  const checks = HIDEABLE.map((k) => {
    const box = h('input', { type: 'checkbox', id: `hide-${k}`, value: k });
    box.addEventListener('change', () => void fill());
    return { k, box, el: h('div', { class: 'radio' }, box, h('label', { for: `hide-${k}` }, hideLabel(k))) };
  });
  const copyLinkBtn = h('button', { type: 'button', class: 'primary', id: 'share-copy-link' }, t('share.copyLink'));
  const copyEmbedBtn = h('button', { type: 'button', id: 'share-copy-embed' }, t('share.copyEmbed'));
  const close = h('button', { type: 'button', id: 'share-close' }, t('share.close'));
  const dialog = h(
    'dialog',
    { id: 'share-dialog', class: 'share-dialog', 'aria-labelledby': 'share-h' },
    h('h2', { id: 'share-h' }, t('share.title')),
    h('label', { for: 'share-link' }, t('share.link')),
    h('div', { class: 'row' }, linkField, copyLinkBtn),
    linkNote,
    h('fieldset', { class: 'hide-options' }, h('legend', {}, t('share.hideLegend')), h('div', { class: 'hide-grid' }, ...checks.map((c) => c.el))),
    h('label', { for: 'share-embed' }, t('share.embed')),
    embedField,
    h('div', { class: 'row' }, copyEmbedBtn, h('span', { class: 'help' }, t('share.embedHelp'))),
    h('div', { class: 'row end' }, close),
  );
  document.body.append(dialog);

  const fill = async () => {
    const chosen = checks.filter((c) => c.box.checked).map((c) => c.k);
    const b = await build({ withCheck: true, hide: chosen });
    if (!b) return;
    linkField.value = b.url;
    embedField.value = embedSnippet(b.url, session.scenario.title);
    const events = (await session.client.call((api) => api.eventLog()))?.events.length ?? 0;
    linkNote.textContent = b.problem ?? (b.logDropped ? dropped(events) : t('share.note', { what: describe(b) }));
  };
  const copyText = async (text: string, what: 'link' | 'embed') => {
    try {
      await navigator.clipboard.writeText(text);
      notify(t('share.textCopied', { what }));
    } catch {
      notify(t('share.selectAndCopy', { what }), 'warn');
    }
  };
  copyLinkBtn.addEventListener('click', () => void copyText(linkField.value, 'link'));
  copyEmbedBtn.addEventListener('click', () => void copyText(embedField.value, 'embed'));
  close.addEventListener('click', () => dialog.close());
  // A narrow companion of "Copy link" (the header is shared by many tools).
  const open = h('button', { type: 'button', id: 'share-open', class: 'share-open', 'aria-haspopup': 'dialog', 'aria-label': t('share.options'), title: t('share.options') }, '▾');
  open.addEventListener('click', () => {
    for (const c of checks) c.box.checked = hide.includes(c.k);
    linkField.value = '';
    embedField.value = '';
    dialog.showModal();
    void fill();
  });
  const copyBtn = document.getElementById('copy-link');
  if (copyBtn) copyBtn.after(open);
  else byId('top-tools').prepend(open);

  // The address bar follows the run: a new run, a changed setting, sent events, a branch.
  session.on('load', update);
  session.on('sent', update);
  session.predictions.on('change', update);
  session.on('timeline', (t) => {
    if (t.version !== lastVersion) {
      lastVersion = t.version;
      update();
    }
  });

  const applyHide = (list: readonly Hideable[]) => {
    const targets: Record<Hideable, () => (HTMLElement | null)[]> = {
      lesson: () => [document.getElementById('lesson-picker')],
      seed: () => [document.getElementById('new-seed')?.closest<HTMLElement>('.group') ?? null],
      settings: () => [document.getElementById('settings')],
      interventions: () => [document.getElementById('interventions')],
      tools: () => [document.getElementById('tools')],
      timeline: () => [document.getElementById('timeline')],
      // The run-file panel's box: its buttons are made after the first picture, the box is there from the start.
      runfiles: () => [document.getElementById('run-files')],
      mode: () => [document.getElementById('mode-switch')],
    };
    for (const k of list) for (const el of targets[k]()) if (el) el.hidden = true;
  };

  const openFromUrl: Share['openFromUrl'] = async (search, openLesson) => {
    enabled = true;
    const { decodeLink, withOverrides } = await loadSchemaTools();
    const d: DecodedLink = await decodeLink(search, { setting: paramLabel, unit: unitText });
    // A class link: each student's own seed from their number (the address bar then carries it).
    const cls = readClassParam(search);
    if (cls.problem) d.ignored.push(cls.problem);
    if (cls.code !== null && d.named) {
      const n = await askStudentNumber(cls.code);
      if (n !== null) d.seed = classSeed(cls.code, n);
      else notify(t('share.noStudent', { code: String(cls.code), seed: d.seed }));
    }
    hide = [...d.hide];
    lock = [...d.lock];
    applyHide(hide);
    applyLocks(lock);
    if (d.ignored.length > 0)
      banner.show({ key: 'link', kind: 'warn', title: t('share.ignored'), lines: d.ignored.slice(0, 12).concat(d.ignored.length > 12 ? [t('share.more', { n: d.ignored.length - 12 })] : []) });
    const own = await loadLesson(d.lesson);
    const eff = own ? withOverrides(own, d.overrides) : null;
    if (own && eff && 'scenario' in eff && (d.events !== null || d.check !== null)) {
      const events = d.events ?? [];
      const file: RunFile = {
        format: RUN_FORMAT,
        version: RUN_VERSION,
        engineVersion: ENGINE_VERSION,
        scenario: { ...eff.scenario, events: [] },
        seed: d.seed,
        events,
        stopTick: d.check?.tick ?? 0,
        checkpoints: d.check ? [d.check] : [],
      } as RunFile;
      // Built beside the current run (if any), which it replaces only once it is there.
      const built = await session.build((api) => api.prepareRun(file, 'link'));
      let problem = typeof built === 'string' ? built : built === null ? null : built.problem;
      if (problem === null) problem = await session.openWith(own, own.id, d.seed, d.overrides, (api) => api.openPrepared(), d.predictions);
      if (problem === null) {
        update();
        return;
      }
      banner.show({ key: 'link', kind: 'warn', title: t('share.runFailed', { problem }) });
    }
    await openLesson(d.lesson, d.seed, d.overrides);
    // The learner's predictions come with the lesson the link opened.
    if (d.predictions.length > 0 && session.lessonId === d.lesson) session.predictions.reset(d.predictions);
  };

  return { update, copy, openFromUrl };
}
