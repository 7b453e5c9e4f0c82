// Tools for changing the scene by hand: what a click on the tissue does (inspect, place a cell,
// inject vesicles), with the type and amount, plus x/y fields so every tool also works from the
// keyboard. Each use becomes an engine event (addCells / inject) at that world position.
import type { EventSpec, Scenario } from '../../../sim/index';
import { formatClock, formatCount } from '../../../viz/format';
import { readField, stateWord, t } from '../../i18n/i18n';
import type { Session } from '../session';
import { h, replace, uid } from './dom';
import type { Notify } from './notices';
import type { LoadInfo } from '../../../workers/protocol';

export type ToolMode = 'inspect' | 'place' | 'inject';

export interface Tools {
  readonly mode: ToolMode;
  /** Applies the active tool at a world position in a tissue. */
  applyAt(tissue: number, x: number, y: number): Promise<void>;
}

const MAX_PACKETS = 5_000_000;

export function mountTools(root: HTMLElement, session: Session, notify: Notify, currentTissue: () => number): Tools {
  let mode: ToolMode = 'inspect';
  let scenario: Scenario | null = null;
  const name = uid('tool');
  const radios = (['inspect', 'place', 'inject'] as const).map((m) => {
    const id = uid('tool');
    const input = h('input', { type: 'radio', name, id, value: m, checked: m === 'inspect' });
    input.addEventListener('change', () => {
      if (!input.checked) return;
      mode = m;
      placeBox.hidden = m !== 'place';
      injectBox.hidden = m !== 'inject';
      whereBox.hidden = m === 'inspect';
      document.body.dataset.tool = m;
    });
    const text = { inspect: t('tools.inspect'), place: t('tools.place'), inject: t('tools.inject') }[m];
    return h('div', { class: 'radio' }, input, h('label', { for: id }, text));
  });

  const typeId = uid('ctype');
  const cellType = h('select', { id: typeId });
  const stateId = uid('cstate');
  const cellState = h('select', { id: stateId });
  const placeBox = h('div', { class: 'tool-opts' }, h('label', { for: typeId }, t('tools.cellType')), cellType, h('label', { for: stateId }, t('tools.state')), cellState);
  placeBox.hidden = true;
  const fillStates = () => {
    const ct = scenario?.cellTypes[cellType.value];
    replace(cellState, ...(ct?.states ?? []).map((s) => h('option', { value: s }, stateWord(s))));
  };
  cellType.addEventListener('change', fillStates);

  const vtId = uid('vtype');
  const vesType = h('select', { id: vtId });
  const packetsId = uid('packets');
  const packets = h('input', { id: packetsId, type: 'text', inputmode: 'numeric', value: '500', class: 'num', 'aria-describedby': `${packetsId}-help` });
  const packetsHelp = h('p', { id: `${packetsId}-help`, class: 'help' });
  const injectBox = h('div', { class: 'tool-opts' }, h('label', { for: vtId }, t('tools.vesicleType')), vesType, h('label', { for: packetsId }, t('tools.dots')), packets, packetsHelp);
  injectBox.hidden = true;
  const showPerDot = () => {
    const n = Number(packets.value);
    const per = scenario?.vesiclesPerDot ?? 1;
    packetsHelp.textContent =
      Number.isFinite(n) && n >= 1
        ? t('tools.perDot', { vesicles: formatCount(n * per), per: formatCount(per), most: formatCount(MAX_PACKETS) })
        : t('tools.dotsRange', { most: formatCount(MAX_PACKETS) });
  };
  packets.addEventListener('input', showPerDot);

  const xId = uid('x');
  const yId = uid('y');
  const xIn = h('input', { id: xId, type: 'text', inputmode: 'decimal', class: 'num short' });
  const yIn = h('input', { id: yId, type: 'text', inputmode: 'decimal', class: 'num short' });
  const here = h('button', { type: 'button' }, t('tools.applyHere'));
  const whereErr = h('p', { class: 'error', 'aria-live': 'polite' });
  const whereBox = h(
    'div',
    { class: 'tool-opts' },
    h('p', { class: 'help' }, t('tools.whereHelp')),
    h('div', { class: 'row' }, h('label', { for: xId }, t('tools.x')), xIn, h('label', { for: yId }, t('tools.y')), yIn, here),
    whereErr,
  );
  whereBox.hidden = true;
  here.addEventListener('click', () => {
    const x = readField(xIn.value);
    const y = readField(yIn.value);
    const ts = scenario ? Object.values(scenario.tissues)[currentTissue()] : undefined;
    if (!ts || x === undefined || y === undefined || x < 0 || y < 0 || x > ts.width || y > ts.height) {
      whereErr.textContent = ts ? t('tools.outside', { width: formatCount(ts.width), height: formatCount(ts.height) }) : '';
      return;
    }
    whereErr.textContent = '';
    void tools.applyAt(currentTissue(), x, y);
  });

  root.append(
    h('h2', { id: 'tools-h' }, t('tools.heading')),
    h('fieldset', { class: 'radios' }, h('legend', {}, t('tools.clickWill')), ...radios),
    placeBox,
    injectBox,
    whereBox,
  );

  const loaded = (info: LoadInfo) => {
    const s = info.scenario;
    if (scenario?.id === s.id) {
      scenario = s;
      return;
    }
    scenario = s;
    replace(cellType, ...Object.entries(s.cellTypes).map(([id, ct]) => h('option', { value: id }, ct.name)));
    fillStates();
    replace(vesType, ...Object.entries(s.vesicleTypes).map(([id, vt]) => h('option', { value: id }, vt.name)));
    const first = Object.values(s.tissues)[0];
    xIn.value = String(Math.round(first.width / 2));
    yIn.value = String(Math.round(first.height / 2));
    showPerDot();
  };
  session.on('load', loaded);
  // Mounted after the first picture (src/app/latePanels.ts): the run already there is read now.
  if (session.info) loaded(session.info);

  const tools: Tools = {
    get mode() {
      return mode;
    },
    async applyAt(tissue, x, y) {
      if (!scenario) return;
      const tissueId = Object.keys(scenario.tissues)[tissue];
      const when = formatClock(session.frame?.hours ?? 0);
      let event: EventSpec;
      let what: string;
      if (mode === 'place') {
        event = { kind: 'addCells', tissue: tissueId, type: cellType.value, count: 1, x, y, state: cellState.value || undefined };
        what = t('tools.placed', { type: scenario.cellTypes[cellType.value].name, x: formatCount(x), y: formatCount(y), time: when });
      } else if (mode === 'inject') {
        const n = Number(packets.value);
        if (!Number.isInteger(n) || n < 1 || n > MAX_PACKETS) {
          notify(t('tools.badDots', { most: formatCount(MAX_PACKETS) }), 'warn');
          packets.focus();
          return;
        }
        event = { kind: 'inject', vesicleType: vesType.value, packets: n, tissue: tissueId, x, y, radius: 15 };
        what = t('tools.injected', { dots: formatCount(n), type: scenario.vesicleTypes[vesType.value].name, x: formatCount(x), y: formatCount(y), time: when });
      } else return;
      xIn.value = String(Math.round(x));
      yIn.value = String(Math.round(y));
      const problem = await session.send([event]);
      notify(problem ? t('tools.notApplied', { problem }) : what, problem ? 'warn' : 'info');
    },
  };
  return tools;
}
