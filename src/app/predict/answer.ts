// The answer part of the prompt card: the prompt's choices as a radio group (one tap commits,
// another tap changes it until the run goes on), a sketch of the expected curve drawn on the
// prompt's chart (mouse, touch or keyboard: viz/sketchLayer.ts), and a status line a screen
// reader hears. Committed answers go to the session's predictions (never to the engine).
import type { PromptSpec } from '../../../lessons/schema';
import type { LoadInfo } from '../../../workers/protocol';
import type { Prediction } from '../../lab';
import type { Session } from '../session';
import type { Charts } from '../ui/charts';
import { arrange, h } from '../ui/dom';
import { choiceGroup } from './choiceGroup';
import { choiceLabel, committedWords } from './outcome';
import { t } from '../../i18n/i18n';
import { later } from '../later';
import { setText } from '../../../viz/dom';

export interface AnswerItem {
  spec: PromptSpec;
  /** The prompt's index in the lesson (what a prediction names). */
  index: number;
}

/** Points of a sketch: the value now and four ahead, evenly over the observe step. */
const SKETCH_POINTS = 5;

export interface Answer {
  /** A new run: sketches of the last one leave the charts; this run's are drawn. */
  load(info: LoadInfo, items: AnswerItem[]): void;
  /** The answer block for item k (null when the prompt asks for nothing). */
  render(items: AnswerItem[], k: number, state: { locked: boolean; endHours: number | null }): HTMLElement | null;
  /** Locks item k's answer in place (the explanation was opened). */
  update(k: number, state: { locked: boolean }): void;
  /** The predictions changed: the status line and the sketches follow. */
  changed(k: number): void;
}

export function mountAnswer(session: Session, charts?: Charts): Answer {
  let items: AnswerItem[] = [];
  /** Charts drawn on a log scale, by metric (sketch ranges grow by factors there). */
  let logMetrics = new Set<string>();
  /** Prompts (by index) whose sketch the learner opened, before any point moved. */
  let drafting = new Set<number>();
  /** Ceilings the learner raised (by prompt index), kept while the run lasts. */
  let ceilings = new Map<number, number>();
  /** The card's current item, its lock, its observe end and its live parts. */
  let current = -1;
  let isLocked = false;
  let windowEnd: number | null = null;
  let status: HTMLElement | null = null;
  let group: HTMLFieldSetElement | null = null;
  let sketchButton: HTMLButtonElement | null = null;
  // The answer's block, its choices and its sketch button are made once and kept from card to card:
  // a new prompt writes their words and values in place (ui/prompts.ts keeps the rest of the card).
  const choiceRow = choiceGroup((value) => {
    const it = items[current];
    if (it && !isLocked) commit(it, { choice: value });
  });
  const kept = {
    block: h('div', { class: 'predict-answer' }),
    sketchButton: h('button', { type: 'button', class: 'small predict-sketch' }, t('predict.sketch')),
    sketchRow: null as unknown as HTMLDivElement,
  };
  kept.sketchRow = h('div', { class: 'row predict-sketch-row' }, kept.sketchButton);

  const hoursNow = () => (session.tick * session.dt) / 3600;
  const keyOf = (index: number) => `prompt-${index}`;
  const canSketch = (it: AnswerItem, end: number | null) => it.spec.watch?.sketch === true && end !== null && end > it.spec.atHours;

  const commit = (it: AnswerItem, change: Partial<Prediction>) => {
    const had = session.predictions.of(it.index);
    const p: Prediction = { prompt: it.index, atHours: Math.min(hoursNow(), it.spec.atHours) };
    const choice = 'choice' in change ? change.choice : had?.choice;
    const sketch = 'sketch' in change ? change.sketch : had?.sketch;
    if (choice !== undefined) p.choice = choice;
    if (sketch !== undefined) p.sketch = sketch;
    session.predictions.commit(p);
  };

  /** The watched metric's largest value so far and its latest. */
  const seriesOf = (metric: string) => {
    const v = session.series.get(metric);
    const finite = v.filter((x) => Number.isFinite(x));
    return { max: finite.length > 0 ? Math.max(...finite) : 0, last: finite.length > 0 ? finite[finite.length - 1] : 0 };
  };

  /** Draws every sketch of this run on its chart; only the current item's, while open, can move. */
  const syncSketches = () => {
    if (!charts) return;
    items.forEach((it, j) => {
      const w = it.spec.watch;
      if (!w?.sketch) return;
      const pred = session.predictions.of(it.index);
      const editable = j === current && !isLocked;
      let hours = pred?.sketch?.hours;
      let values = pred?.sketch?.values;
      if (!hours && editable && drafting.has(it.index) && windowEnd !== null) {
        const t0 = it.spec.atHours;
        const step = (windowEnd - t0) / (SKETCH_POINTS - 1);
        hours = Array.from({ length: SKETCH_POINTS }, (_, i) => Math.round((t0 + i * step) * 1000) / 1000);
        values = hours.map(() => seriesOf(w.metric).last);
      }
      if (!hours || !values) {
        charts.setSketch(keyOf(it.index), w.metric, null);
        return;
      }
      // The drawing range follows the run so far (not the sketch, or each raise would lift it),
      // unless the learner pushed past its top to make room.
      const log = logMetrics.has(w.metric);
      const top = Math.max(seriesOf(w.metric).max, ...values, 1);
      const ceiling = Math.max(ceilings.get(it.index) ?? 0, log ? top * 100 : Math.max(2 * Math.max(seriesOf(w.metric).max, 1), 10), top);
      charts.setSketch(keyOf(it.index), w.metric, {
        hours: [...hours],
        values: [...values],
        editable,
        ceiling,
        log,
        label: w.label,
        onChange: (next) => {
          if (!isLocked) commit(it, { sketch: { hours: [...hours], values: next } });
        },
        onCeiling: (c) => ceilings.set(it.index, c),
      });
    });
  };

  const statusText = (it: AnswerItem): string => {
    const pred = session.predictions.of(it.index);
    if (isLocked) {
      if (!pred) return t('predict.noneCommitted');
      const parts = [pred.choice !== undefined ? choiceLabel(it.spec, pred.choice) : null, pred.sketch ? t('predict.yourSketch') : null].filter((x) => x !== null);
      return t('predict.lockedIn', { answer: parts.length === 2 ? t('predict.both', { first: parts[0], second: parts[1] }) : parts[0] });
    }
    if (pred) return committedWords(it.spec, pred, it.spec.watch?.label);
    return it.spec.atHours === 0 && session.tick === 0 ? t('predict.beforePlay') : t('predict.beforeRun');
  };

  /**
   * `soon`: the charts' sketches are brought up to date in a task of their own (a card being built
   * while the run plays must not redraw a chart in the same task).
   */
  const refresh = (soon = false) => {
    const it = items[current];
    if (!it) return;
    if (status) setText(status, statusText(it));
    const pred = session.predictions.of(it.index);
    if (group) {
      if (group.disabled !== isLocked) group.disabled = isLocked;
      for (const input of group.querySelectorAll<HTMLInputElement>('input[type=radio]')) input.checked = input.value === pred?.choice;
    }
    if (sketchButton) {
      if (sketchButton.hidden !== isLocked) sketchButton.hidden = isLocked;
      setText(sketchButton, pred?.sketch || drafting.has(it.index) ? t('predict.changeSketch') : t('predict.sketch'));
    }
    if (soon) later('predict-sketches', syncSketches);
    else syncSketches();
  };

  kept.sketchButton.addEventListener('click', () => {
    const it = items[current];
    if (isLocked || !it?.spec.watch || !charts) return;
    const watch = it.spec.watch;
    drafting = new Set(drafting).add(it.index);
    charts.showMetric(watch.metric);
    refresh();
    // The chart draws on its next layout; then the first point takes the keyboard.
    requestAnimationFrame(() => {
      charts.focusSketch();
      if (status && !session.predictions.of(it.index)?.sketch) setText(status, t('predict.sketchHelp', { what: watch.label }));
    });
  });

  return {
    load(info, list) {
      items = list;
      drafting = new Set();
      ceilings = new Map();
      current = -1;
      const charted = info.scenario.lesson?.charts ?? [];
      logMetrics = new Set(charted.filter((c) => c.log).flatMap((c) => c.metrics));
      // Sketches of the previous run leave the charts (keys are per prompt).
      if (charts) for (let i = 0; i < 6; i++) charts.setSketch(keyOf(i), '', null);
    },

    render(list, k, state) {
      items = list;
      current = k;
      isLocked = state.locked;
      windowEnd = state.endHours;
      status = null;
      group = null;
      sketchButton = null;
      const it = items[k];
      const choices = it?.spec.choices ?? [];
      const sketchable = it ? canSketch(it, windowEnd) : false;
      if (!it || (choices.length === 0 && !sketchable)) {
        later('predict-sketches', syncSketches);
        return null;
      }
      if (choices.length > 0) {
        choiceRow.show(choices);
        group = choiceRow.group;
      }
      if (sketchable && charts) sketchButton = kept.sketchButton;
      // The status line is new with each card (a live region that arrives with its words is not
      // read out; only its later changes are, as before).
      status = h('p', { class: 'predict-status', role: 'status' });
      refresh(true);
      arrange(kept.block, [group, sketchButton ? kept.sketchRow : null, status]);
      return kept.block;
    },

    update(k, state) {
      if (k !== current) return;
      isLocked = state.locked;
      // The sketches follow in a task of their own (a lock at Play or at the explanation redraws the
      // chart's sketch and its hidden table); a sketch locked meanwhile takes no change (onChange).
      refresh(true);
    },

    changed(k) {
      if (k === current) refresh();
    },
  };
}
