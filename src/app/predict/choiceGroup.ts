// The prompt card's choices as one radio group, made once and kept: a new prompt writes each
// chip's words and value in place, adds chips only when it has more choices than any before and
// takes away the ones it does not use, so a stop does not build the group again.
import type { PromptSpec } from '../../../lessons/schema';
import { setAttr, setText } from '../../../viz/dom';
import { t } from '../../i18n/i18n';
import { arrange, h, uid } from '../ui/dom';

type Choice = NonNullable<PromptSpec['choices']>[number];

export interface ChoiceGroup {
  group: HTMLFieldSetElement;
  /** Shows these choices (their labels and values), unchecked until the caller checks one. */
  show(choices: readonly Choice[]): void;
}

/** `picked(value)`: a choice was checked by the learner. */
export function choiceGroup(picked: (value: string) => void): ChoiceGroup {
  const legendId = uid('predict-legend');
  const name = uid('predict-choice');
  const legend = h('legend', { id: legendId }, t('predict.yours'));
  const group = h('fieldset', { class: 'predict-choices', role: 'radiogroup', 'aria-labelledby': legendId }, legend);
  const chips: { label: HTMLLabelElement; input: HTMLInputElement; words: HTMLSpanElement }[] = [];
  const chip = () => {
    const input = h('input', { type: 'radio', name });
    input.addEventListener('change', () => {
      if (input.checked) picked(input.value);
    });
    const words = h('span', {});
    const made = { label: h('label', { class: 'predict-choice' }, input, words), input, words };
    chips.push(made);
    return made;
  };
  return {
    group,
    show(choices) {
      const used = choices.map((c, i) => {
        const at = chips[i] ?? chip();
        setAttr(at.input, 'value', c.id);
        setText(at.words, c.label);
        return at.label;
      });
      arrange(group, used, legend);
    },
  };
}
