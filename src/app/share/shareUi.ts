// Sharing the run: the address bar follows the run (history.replaceState), "Copy link" copies it
// with a hash check, "Share…" opens a dialog with the link, an embed snippet for course pages and
// the teacher's choice of controls to hide; a link that opens the page is read with what was ignored.
// The link itself (encoding, decoding, checks) is the lab's codec, src/lab/share/.
import { ENGINE_VERSION } from '../../../sim/index';
import { language } from '../../i18n/i18n';
import type { DecodedLink, EncodedLink, Overrides, RunFile } from '../../lab';
import { HIDEABLE, LINK_LIMIT, type Hideable, type Lockable } from '../../lab/share/parts';
import { PART_LABELS } from '../../lab/share/options';
import { RUN_FORMAT, RUN_VERSION } from '../../lab/runFormat';
import { loadSchemaTools } from '../schemaTools';
import { loadLesson } from '../../../lessons/library';
import { classSeed, readClassParam } from '../../lab/class/seed';
import type { Session } from '../session';
import { byId, h } from '../ui/dom';
import type { Notify } from '../ui/notices';
import type { Banner } from '../replay/banner';
import { applyLocks } from './lock';
import { askStudentNumber } from './studentNumber';
import './share.css';

/** How the share dialog names each part a link can hide (src/lab/share/options.ts). */
export const HIDEABLE_LABELS: Record<Hideable, string> = PART_LABELS;

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
  return `<iframe src="${attr(url)}" title="${attr(`Cellpost: ${title}`)}" width="1280" height="760" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
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

  /** The link of the current run. */
  const build = async (opts: { withCheck: boolean; hide: readonly Hideable[] }): Promise<Built | null> => {
    const st = await session.client.call((api) => api.shareState());
    if (!st) return null;
    const own = await loadLesson(st.initialScenario.id);
    const { settingsDiff, encodeLink } = await loadSchemaTools();
    const diff = own ? settingsDiff(own, st.initialScenario) : null;
    if (!own || !diff) {
      const url = own ? `${base()}?${new URLSearchParams({ lesson: own.id, seed: st.seed }).toString()}` : base();
      return { url, logDropped: false, events: 0, settings: 0, problem: 'This run was opened from a run file that changes its lesson in ways a link cannot carry, so the link opens the lesson itself; use Save run to share the exact run.' };
    }
    // Without its events, a link carries the settings as Reset would use them.
    const resetSettings = session.lessonId === own.id ? session.overrides : diff;
    const link = await encodeLink({ lesson: own.id, seed: st.seed, overrides: diff, events: st.events, check: st.check, hide: opts.hide, lock, predictions: session.predictions.list(), lang: language() }, resetSettings, base(), { withCheck: opts.withCheck, limit: LINK_LIMIT });
    return { ...link, settings: link.logDropped ? resetSettings.size : diff.size, problem: null };
  };

  const writeAddress = async () => {
    if (!enabled || !session.info) return;
    const b = await build({ withCheck: false, hide });
    if (b) address(b.url);
  };

  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void writeAddress(), 250);
  };

  const describe = (b: Built) => {
    const parts = [`lesson, seed`, b.settings > 0 ? `${b.settings} setting${b.settings === 1 ? '' : 's'}` : '', b.events > 0 ? `the event log (${b.events} event${b.events === 1 ? '' : 's'})` : ''].filter((x) => x !== '');
    const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    return `${what}; ${b.url.length} characters`;
  };
  const dropped = (n: number) =>
    `The event log (${n} event${n === 1 ? '' : 's'}) would make the link longer than ${LINK_LIMIT} characters, so it carries the lesson, seed and settings only. Use Save run to share the exact run.`;

  const copy = async () => {
    const b = await build({ withCheck: true, hide });
    if (!b) return;
    const events = (await session.client.call((api) => api.eventLog()))?.events.length ?? 0;
    try {
      await navigator.clipboard.writeText(b.url);
      notify(`Link copied: ${describe(b)}.`);
    } catch {
      notify(`Copy this link: ${b.url}`);
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
    return { k, box, el: h('div', { class: 'radio' }, box, h('label', { for: `hide-${k}` }, HIDEABLE_LABELS[k])) };
  });
  const copyLinkBtn = h('button', { type: 'button', class: 'primary', id: 'share-copy-link' }, 'Copy link');
  const copyEmbedBtn = h('button', { type: 'button', id: 'share-copy-embed' }, 'Copy embed code');
  const close = h('button', { type: 'button', id: 'share-close' }, 'Close');
  const dialog = h(
    'dialog',
    { id: 'share-dialog', class: 'share-dialog', 'aria-labelledby': 'share-h' },
    h('h2', { id: 'share-h' }, 'Share this run'),
    h('label', { for: 'share-link' }, 'Link'),
    h('div', { class: 'row' }, linkField, copyLinkBtn),
    linkNote,
    h('fieldset', { class: 'hide-options' }, h('legend', {}, 'Hide on the shared page'), h('div', { class: 'hide-grid' }, ...checks.map((c) => c.el))),
    h('label', { for: 'share-embed' }, 'Embed in a course page'),
    embedField,
    h('div', { class: 'row' }, copyEmbedBtn, h('span', { class: 'help' }, 'Paste this HTML into the course page; it shows the same run.')),
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
    linkNote.textContent = b.problem ?? (b.logDropped ? dropped(events) : `Carries the ${describe(b)}. Opening it replays the same run.`);
  };
  const copyText = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(`${what} copied.`);
    } catch {
      notify(`Select the ${what.toLowerCase()} and copy it.`, 'warn');
    }
  };
  copyLinkBtn.addEventListener('click', () => void copyText(linkField.value, 'Link'));
  copyEmbedBtn.addEventListener('click', () => void copyText(embedField.value, 'Embed code'));
  close.addEventListener('click', () => dialog.close());
  // A narrow companion of "Copy link" (the header is shared by many tools).
  const open = h('button', { type: 'button', id: 'share-open', class: 'share-open', 'aria-haspopup': 'dialog', 'aria-label': 'Share options: embed code and what to hide', title: 'Share options: embed code and what to hide' }, '▾');
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
      runfiles: () => [document.getElementById('save-run'), document.getElementById('open-run')],
      mode: () => [document.getElementById('mode-switch')],
    };
    for (const k of list) for (const el of targets[k]()) if (el) el.hidden = true;
  };

  const openFromUrl: Share['openFromUrl'] = async (search, openLesson) => {
    enabled = true;
    const { decodeLink, withOverrides } = await loadSchemaTools();
    const d: DecodedLink = await decodeLink(search);
    // A class link: each student's own seed from their number (the address bar then carries it).
    const cls = readClassParam(search);
    if (cls.problem) d.ignored.push(cls.problem);
    if (cls.code !== null && d.named) {
      const n = await askStudentNumber(cls.code);
      if (n !== null) d.seed = classSeed(cls.code, n);
      else notify(`No student number: this is the run the whole of class ${cls.code} shares (seed ${d.seed}).`);
    }
    hide = [...d.hide];
    lock = [...d.lock];
    applyHide(hide);
    applyLocks(lock);
    if (d.ignored.length > 0)
      banner.show({ key: 'link', kind: 'warn', title: 'Parts of this link could not be used, so the lesson’s own values are used for them:', lines: d.ignored.slice(0, 12).concat(d.ignored.length > 12 ? [`… and ${d.ignored.length - 12} more`] : []) });
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
      banner.show({ key: 'link', kind: 'warn', title: `The run in this link could not be started (${problem}); the lesson opens with its own events.` });
    }
    await openLesson(d.lesson, d.seed, d.overrides);
    // The learner's predictions come with the lesson the link opened.
    if (d.predictions.length > 0 && session.lessonId === d.lesson) session.predictions.reset(d.predictions);
  };

  return { update, copy, openFromUrl };
}
