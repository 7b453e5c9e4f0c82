// One result box of the prompt card (a title line, then what happened beside the learner's answer),
// made once and kept: a new prompt or step writes its lines in place (a line's text node changed,
// lines added or removed only when their count differs) instead of building a new box, so a
// stop restyles and lays out only the words that changed.
import { setText } from '../../../viz/dom';
import { h } from '../ui/dom';

export interface ResultBox {
  /** The box (class `predict-result`, and `own` for the learner's own prompt). */
  el: HTMLDivElement;
  /** Writes the title and lines; false when there are no lines (the box should not show). */
  fill(title: string, lines: string[]): boolean;
}

export function resultBox(own: boolean): ResultBox {
  const title = h('p', { class: 'predict-result-title' });
  const el = h('div', { class: 'predict-result' }, title);
  if (own) el.classList.add('own');
  return {
    el,
    fill(text, lines) {
      if (lines.length === 0) return false;
      setText(title, text);
      // The lines after the title: kept while their count holds, written only where they differ.
      while (el.childElementCount - 1 > lines.length) el.lastElementChild!.remove();
      const kept = Array.from(el.children).slice(1);
      lines.forEach((line, i) => {
        if (kept[i]) setText(kept[i], line);
        else el.append(h('p', {}, line));
      });
      return true;
    },
  };
}
