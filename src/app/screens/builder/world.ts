// The experiment as a whole and the places vesicles travel: title, question, seed and run length;
// each tissue's size, vesicle diffusion and half-life, its vessels (into the blood) and barriers;
// the blood (volume, half-life); and the assay's detection limit.
import { h } from '../../ui/dom';
import { addForm, at, editButton, fieldId, numberField, textField, type Ctx } from './fields';
import { t } from './messages';
import { fieldLabel } from '../../../lab/builder/fieldNames';

export function experimentSection(ctx: Ctx): HTMLElement {
  const idField = h('input', { type: 'text', id: 'b-id', class: 'b-id', readonly: true, value: ctx.s.id, spellcheck: 'false' });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-exp-h' },
    h('h3', { id: 'b-exp-h' }, t('builder.exp.heading')),
    h(
      'div',
      { class: 'bgrid' },
      textField(ctx, 'title', t('builder.exp.title'), { max: 80 }),
      h('div', { class: 'bfield' }, h('label', { for: 'b-id' }, t('builder.exp.id')), idField),
      textField(ctx, 'seed', t('builder.exp.seed'), { max: 100 }),
      numberField(ctx, 'lesson.hours', { label: t('builder.exp.hours'), unit: 'h' }),
    ),
    textField(ctx, 'question', t('builder.exp.question'), { long: true, max: 300 }),
    h(
      'div',
      { class: 'bgrid' },
      numberField(ctx, 'bindingSpeed', { label: fieldLabel('param.l.bindingSpeed') }),
      numberField(ctx, 'deliveryFraction', { label: fieldLabel('param.l.cargoDelivery') }),
      numberField(ctx, 'vesiclesPerDot', { label: fieldLabel('param.l.vesiclesPerDot') }),
    ),
  );
}

const VESSEL_FIELDS = [
  ['x', 'param.l.x'],
  ['y', 'param.l.y'],
  ['width', 'param.l.width'],
  ['height', 'param.l.height'],
  ['entryPerMinute', 'param.l.vesselEntry'],
] as const;

export function worldSection(ctx: Ctx): HTMLElement {
  const several = Object.keys(ctx.s.tissues).length > 1;
  const tissues = Object.entries(ctx.s.tissues).map(([tid, tissue]) => {
    const p = `tissues.${tid}`;
    const vessels = tissue.vessels.map((_, i) =>
      h(
        'li',
        { class: 'brow' },
        h('span', { class: 'help' }, t('builder.world.vessel', { n: i + 1 })),
        ...VESSEL_FIELDS.map(([k, key]) => numberField(ctx, `${p}.vessels.${i}.${k}`, { label: fieldLabel(key) })),
        editButton(ctx, t('builder.remove'), () => ({ op: 'set', path: `${p}.vessels`, value: tissue.vessels.filter((__, j) => j !== i) }), {
          id: fieldId(`${p}.vessels.${i}`, '-remove'),
          'aria-label': t('builder.world.removeVessel', { n: i + 1 }),
        }),
      ),
    );
    const barriers = tissue.barriers.map((b, i) =>
      h(
        'li',
        { class: 'brow' },
        h('span', { class: 'help' }, t('builder.world.barrier', { n: i + 1, orientation: b.orientation })),
        numberField(ctx, at(p, 'barriers', i, 'position'), { label: fieldLabel('param.l.barrierPosition') }),
        numberField(ctx, at(p, 'barriers', i, 'permeability'), { label: fieldLabel('param.l.barrierPermeability') }),
        editButton(ctx, t('builder.remove'), () => ({ op: 'set', path: `${p}.barriers`, value: tissue.barriers.filter((__, j) => j !== i) }), {
          id: fieldId(`${p}.barriers.${i}`, '-remove'),
          'aria-label': t('builder.world.removeBarrier', { n: i + 1 }),
        }),
      ),
    );
    const newVessel = { x: 0, y: Math.max(0, tissue.height - 40), width: tissue.width, height: Math.min(40, tissue.height), entryPerMinute: 0.5 };
    const newBarrier = { orientation: 'vertical', position: Math.round(tissue.width / 2), permeability: 0.1 };
    return h(
      'div',
      { class: 'bcard' },
      h(
        'div',
        { class: 'bcard-head' },
        h('h4', {}, tissue.name),
        several ? editButton(ctx, t('builder.remove'), () => ({ op: 'removeTissue', id: tid }), { id: fieldId(p, '-remove'), 'aria-label': t('builder.world.removeTissue', { name: tissue.name }) }) : null,
      ),
      h(
        'div',
        { class: 'bgrid' },
        textField(ctx, `${p}.name`, t('builder.name'), { max: 80 }),
        numberField(ctx, `${p}.width`, { label: fieldLabel('param.l.width') }),
        numberField(ctx, `${p}.height`, { label: fieldLabel('param.l.height') }),
        numberField(ctx, `${p}.diffusion`, { label: fieldLabel('param.l.vesicleDiffusion') }),
        numberField(ctx, `${p}.halfLifeHours`, { label: fieldLabel('param.l.vesicleHalfLifeInTissue') }),
      ),
      vessels.length > 0 ? h('ul', { class: 'brows', 'aria-label': t('builder.world.vessels') }, ...vessels) : null,
      barriers.length > 0 ? h('ul', { class: 'brows', 'aria-label': t('builder.world.barriers') }, ...barriers) : null,
      h(
        'div',
        { class: 'row' },
        editButton(ctx, t('builder.world.addVessel'), () => ({ op: 'set', path: `${p}.vessels`, value: [...tissue.vessels, newVessel] }), { id: fieldId(p, '-add-vessel') }),
        editButton(ctx, t('builder.world.addBarrier'), () => ({ op: 'set', path: `${p}.barriers`, value: [...tissue.barriers, newBarrier] }), { id: fieldId(p, '-add-barrier') }),
      ),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-world-h' },
    h('h3', { id: 'b-world-h' }, t('builder.world.heading')),
    ...tissues,
    addForm(ctx, 'b-add-tissue', t('builder.world.newTissue'), t('builder.world.addTissue'), (name) => ({ op: 'addTissue', name })),
    h(
      'div',
      { class: 'bgrid' },
      numberField(ctx, 'blood.volumeMl', { label: fieldLabel('param.l.plasmaVolume') }),
      numberField(ctx, 'blood.halfLifeMinutes', { label: fieldLabel('param.l.bloodHalfLife') }),
      numberField(ctx, 'lesson.detectionLimitPerMl', { label: fieldLabel('param.l.assayDetectionLimit'), optional: true, unit: 'EV/mL' }),
    ),
  );
}
