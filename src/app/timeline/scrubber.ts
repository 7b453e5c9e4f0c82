// The timeline in the tissue view's bar: a labelled range over the run so far (← → one sample
// interval, Shift+← → one step, PageUp/PageDown one hour, Home/End), the simulated time it points
// at, "Back to the end", and the run's event log with branch notes. Seeks are exact (worker side).
import type { RunEvent } from '../../../sim/index';
import type { TimelineInfo } from '../../../workers/timeline';
import type { Session } from '../session';
import { h, replace } from '../ui/dom';
import { setAttr, setText } from '../../../viz/dom';
import { describeBranch, describeEvent, formatTick, formatTickShort } from './describe';
import { answerWords } from '../predict/outcome';
import { t } from '../../i18n/i18n';
import './timeline.css';

/** Most events listed in the log (the newest); the rest are counted. */
const SHOWN = 60;
/** Least time between two updates of the bar while the run plays (each costs a layout). */
const SYNC_MS = 250;

export function mountTimeline(parent: HTMLElement, session: Session): HTMLElement {
  const range = h('input', { type: 'range', id: 'timeline-range', min: 0, max: 0, step: 1, value: 0, 'aria-describedby': 'timeline-help' });
  const label = h('label', { for: 'timeline-range', class: 'timeline-label' }, t('timeline.label'));
  const time = h('output', { id: 'timeline-time', for: 'timeline-range', class: 'timeline-time' });
  const help = h('span', { id: 'timeline-help', class: 'visually-hidden' }, t('timeline.help'));
  const toEnd = h('button', { type: 'button', class: 'small icon', id: 'timeline-end', 'aria-label': t('timeline.toEnd'), title: t('timeline.toEnd') }, t('timeline.end'));
  const count = h('span', { class: 'timeline-count' }, t('timeline.events', { n: 0 }));
  const list = h('ol', { class: 'event-log', id: 'event-log' });
  const log = h('details', { class: 'timeline-log' }, h('summary', {}, count), list);
  const root = h('div', { id: 'timeline', class: 'timeline', role: 'group', 'aria-label': t('timeline.label') }, label, range, time, toEnd, help, log);
  parent.append(root);

  let info: TimelineInfo | null = null;
  let events: RunEvent[] = [];
  let version = -1;
  let target: number | null = null;
  let seeking = false;

  const show = (tick: number) => {
    const end = info?.frontier ?? tick;
    const text = `${formatTickShort(tick, session.dt)} / ${formatTickShort(end, session.dt)}`;
    if (time.textContent === text) return;
    setText(time, text);
    setAttr(range, 'aria-valuetext', t('timeline.of', { at: formatTick(tick, session.dt), end: formatTick(end, session.dt) }));
    if (toEnd.disabled !== tick >= end) toEnd.disabled = tick >= end;
  };

  let syncedAt = 0;
  let syncLater: ReturnType<typeof setTimeout> | undefined;
  const sync = () => {
    clearTimeout(syncLater);
    syncLater = undefined;
    syncedAt = performance.now();
    if (!info || seeking || target !== null) return;
    // Written only when they change: each write restyles the bar (and the view bar's rules over it).
    setAttr(range, 'min', info.start);
    setAttr(range, 'max', Math.max(info.frontier, info.start));
    if (range.value !== String(session.tick)) range.value = String(session.tick);
    show(session.tick);
    renderLog();
  };

  /** Seeks to the latest asked-for tick; asks made while one seek runs are merged. */
  const seekTo = async (tick: number) => {
    target = tick;
    show(tick);
    if (seeking) return;
    seeking = true;
    while (target !== null) {
      const t = target;
      target = null;
      await session.seek(t);
    }
    seeking = false;
    sync();
  };

  range.addEventListener('input', () => void seekTo(Number(range.value)));
  range.addEventListener('keydown', (e) => {
    if (!info) return;
    const big = Math.max(1, Math.round(3600 / session.dt));
    const by = e.shiftKey ? 1 : session.stepsPerSample;
    const now = target ?? Number(range.value);
    const moves: Record<string, number> = { ArrowLeft: -by, ArrowDown: -by, ArrowRight: by, ArrowUp: by, PageDown: -big, PageUp: big };
    let next: number;
    if (e.key in moves) next = now + moves[e.key];
    else if (e.key === 'Home') next = info.start;
    else if (e.key === 'End') next = info.frontier;
    else return;
    e.preventDefault();
    next = Math.min(info.frontier, Math.max(info.start, next));
    range.value = String(next);
    void seekTo(next);
  });
  toEnd.addEventListener('click', () => {
    if (info) void seekTo(info.frontier);
  });

  let shownKey = '';
  const renderLog = () => {
    if (!info) return;
    const tick = session.tick;
    // Rebuilt only when the events, the branches or the applied/waiting split change.
    const predictions = session.predictions.list();
    const key = `${version}/${info.branches.length}/${events.filter((e) => e.tick < tick).length}/${events.length}/${JSON.stringify(predictions)}`;
    if (key === shownKey) return;
    shownKey = key;
    const items: { tick: number; el: HTMLElement }[] = events.map((e) =>
      ({ tick: e.tick, el: h('li', { class: e.tick < tick ? 'applied' : 'waiting' }, h('span', { class: 'when' }, formatTick(e.tick, session.dt)), ' ', describeEvent(e, session.scenario), e.tick < tick ? '' : ` ${t('timeline.waiting')}`) }),
    );
    // The learner's committed predictions, at the moment each was committed, in words.
    const prompts = session.scenario.lesson?.prompts ?? [];
    for (const p of predictions) {
      const spec = prompts[p.prompt];
      if (!spec) continue;
      const at = Math.round((p.atHours * 3600) / session.dt);
      const text = t('timeline.prediction', { n: p.prompt + 1, answer: answerWords(spec, p, spec.watch?.label) });
      const el = h('li', { class: 'prediction' }, h('span', { class: 'when' }, formatTick(at, session.dt)), ' ', text);
      const k = items.findIndex((x) => x.tick > at);
      items.splice(k < 0 ? items.length : k, 0, { tick: at, el });
    }
    for (const b of info.branches) {
      const at = items.findIndex((x) => x.tick >= b.tick);
      const el = h('li', { class: 'branch' }, describeBranch(b, session.dt));
      items.splice(at < 0 ? items.length : at, 0, { tick: b.tick, el });
    }
    const hidden = Math.max(0, items.length - SHOWN);
    replace(list, hidden > 0 ? h('li', { class: 'more' }, t('timeline.hidden', { n: hidden })) : null, ...items.slice(hidden).map((x) => x.el));
    if (items.length === 0) list.append(h('li', { class: 'empty' }, t('timeline.empty')));
    count.textContent = t('timeline.events', { n: items.length - info.branches.length });
  };

  const refreshEvents = async () => {
    const r = await session.client.call((api) => api.eventLog());
    if (!r) return;
    events = r.events;
    shownKey = '';
    renderLog();
  };

  session.on('timeline', (t) => {
    info = t;
    if (t.version !== version) {
      version = t.version;
      void refreshEvents();
    }
    const wait = SYNC_MS - (performance.now() - syncedAt);
    if (session.playing && wait > 0) syncLater ??= setTimeout(sync, wait);
    else sync();
  });
  session.on('playing', (on) => {
    if (!on) sync();
  });
  session.on('sent', () => {
    void session.client.call((api) => api.timelineInfo()).then((t) => {
      if (t) session.setTimeline(t);
    });
  });
  session.predictions.on('change', () => {
    shownKey = '';
    renderLog();
  });
  session.on('load', () => {
    info = null;
    events = [];
    version = -1;
    range.value = '0';
    range.max = '0';
    show(0);
  });
  return root;
}
