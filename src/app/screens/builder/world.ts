// The experiment as a whole and the places vesicles travel: title, question, seed and run length;
// each tissue's size, vesicle diffusion and half-life, its vessels (into the blood) and barriers;
// the blood (volume, half-life); and the assay's detection limit.
import { h } from '../../ui/dom';
import { editButton, fieldId, numberField, textField, type Ctx } from './fields';

export function experimentSection(ctx: Ctx): HTMLElement {
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-exp-h' },
    h('h3', { id: 'b-exp-h' }, 'Experiment'),
    h('div', { class: 'bgrid' }, textField(ctx, 'title', 'Title', { max: 80 }), textField(ctx, 'seed', 'Seed', { max: 100 }), numberField(ctx, 'lesson.hours', { label: 'Run length', unit: 'h' })),
    textField(ctx, 'question', 'Question it asks', { long: true, max: 300 }),
    h('div', { class: 'bgrid' }, numberField(ctx, 'bindingSpeed', { label: 'Binding speed' }), numberField(ctx, 'deliveryFraction', { label: 'Cargo delivered' }), numberField(ctx, 'vesiclesPerDot', { label: 'Vesicles per dot' })),
  );
}

export function worldSection(ctx: Ctx): HTMLElement {
  const tissues = Object.entries(ctx.s.tissues).map(([tid, t]) => {
    const p = `tissues.${tid}`;
    const vessels = t.vessels.map((_, i) =>
      h(
        'li',
        { class: 'brow' },
        h('span', { class: 'help' }, `Vessel ${i + 1}`),
        ...(['x', 'y', 'width', 'height', 'entryPerMinute'] as const).map((k) => numberField(ctx, `${p}.vessels.${i}.${k}`)),
        editButton(ctx, 'Remove', () => ({ op: 'set', path: `${p}.vessels`, value: t.vessels.filter((__, j) => j !== i) }), { id: fieldId(`${p}.vessels.${i}`, '-remove'), 'aria-label': `Remove vessel ${i + 1}` }),
      ),
    );
    const barriers = t.barriers.map((b, i) =>
      h(
        'li',
        { class: 'brow' },
        h('span', { class: 'help' }, `Barrier ${i + 1} (${b.orientation})`),
        numberField(ctx, `${p}.barriers.${i}.position`),
        numberField(ctx, `${p}.barriers.${i}.permeability`),
        editButton(ctx, 'Remove', () => ({ op: 'set', path: `${p}.barriers`, value: t.barriers.filter((__, j) => j !== i) }), { id: fieldId(`${p}.barriers.${i}`, '-remove'), 'aria-label': `Remove barrier ${i + 1}` }),
      ),
    );
    const newVessel = { x: 0, y: Math.max(0, t.height - 40), width: t.width, height: Math.min(40, t.height), entryPerMinute: 0.5 };
    const newBarrier = { orientation: 'vertical', position: Math.round(t.width / 2), permeability: 0.1 };
    return h(
      'div',
      { class: 'bcard' },
      h('h4', {}, t.name),
      h('div', { class: 'bgrid' }, textField(ctx, `${p}.name`, 'Name', { max: 80 }), numberField(ctx, `${p}.width`, { label: 'Width' }), numberField(ctx, `${p}.height`, { label: 'Height' }), numberField(ctx, `${p}.diffusion`, { label: 'Vesicle diffusion' }), numberField(ctx, `${p}.halfLifeHours`, { label: 'Vesicle half-life' })),
      vessels.length > 0 ? h('ul', { class: 'brows', 'aria-label': 'Vessels' }, ...vessels) : null,
      barriers.length > 0 ? h('ul', { class: 'brows', 'aria-label': 'Barriers' }, ...barriers) : null,
      h(
        'div',
        { class: 'row' },
        editButton(ctx, 'Add a vessel (along the bottom)', () => ({ op: 'set', path: `${p}.vessels`, value: [...t.vessels, newVessel] }), { id: fieldId(p, '-add-vessel') }),
        editButton(ctx, 'Add a barrier (down the middle)', () => ({ op: 'set', path: `${p}.barriers`, value: [...t.barriers, newBarrier] }), { id: fieldId(p, '-add-barrier') }),
      ),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-world-h' },
    h('h3', { id: 'b-world-h' }, 'Tissue, vessels and blood'),
    ...tissues,
    h('div', { class: 'bgrid' }, numberField(ctx, 'blood.volumeMl', { label: 'Blood plasma volume' }), numberField(ctx, 'blood.halfLifeMinutes', { label: 'Blood half-life' }), numberField(ctx, 'lesson.detectionLimitPerMl', { label: 'Assay detection limit', optional: true, unit: 'EV/mL' })),
  );
}
