// The inspector: a clicked cell's type, state, receptors, signal levels and the vesicles it
// took up by origin, with its recent donors highlighted in the view; and a followed vesicle's
// label, cargo, origin and path until its fate. Also reachable from the keyboard by cell number.
import type { Frame } from '../../../sim/index';
import { formatClock, formatCount, formatDistance, formatNumber } from '../../../viz/format';
import type { CellReport, FollowReport } from '../../../workers/protocol';
import type { Session } from '../session';
import { h, replace, uid } from './dom';

const REFRESH_MS = 300;

export interface Inspector {
  selectCell(id: number): Promise<void>;
  followAt(tissue: number, x: number, y: number, maxDist: number): Promise<boolean>;
  readonly followed: FollowReport | null;
}

function table(caption: string, head: [string, string], rows: [string, string][]): HTMLElement {
  return h(
    'table',
    { class: 'kv' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, head[0]), h('th', { scope: 'col' }, head[1]))),
    h('tbody', {}, ...rows.map(([a, b]) => h('tr', {}, h('th', { scope: 'row' }, a), h('td', {}, b)))),
  );
}

export function mountInspector(root: HTMLElement, session: Session, highlight: (ids: number[]) => void): Inspector {
  let selected: number | null = null;
  let followed: FollowReport | null = null;
  let lastFetch = 0;
  let fetching = false;

  const idIn = h('input', { id: uid('cellid'), type: 'text', inputmode: 'numeric', class: 'num short', autocomplete: 'off' });
  const go = h('button', { type: 'button' }, 'Inspect');
  const next = h('button', { type: 'button' }, 'Next cell');
  const followAny = h('button', { type: 'button', id: 'follow-one' }, 'Follow a vesicle');
  const cellBox = h('div', { class: 'report', id: 'cell-report' });
  const followBox = h('div', { class: 'report', id: 'follow-report' });
  const err = h('p', { class: 'error', 'aria-live': 'polite' });

  root.append(
    h('h2', { id: 'inspector-h' }, 'Inspect'),
    h('p', { class: 'help' }, 'Click a cell in the tissue, or enter its number.'),
    h('div', { class: 'row' }, h('label', { for: idIn.id }, 'Cell number'), idIn, go, next, followAny),
    err,
    cellBox,
    followBox,
  );

  // The buttons stay put while the numbers refresh, so a click is never lost to a redraw.
  let shownCell: number | null = null;
  const cellBody = h('div');
  const cellTitle = h('h3');
  const followOwn = h('button', { type: 'button', class: 'small' }, 'Follow its newest vesicle');
  const closeCell = h('button', { type: 'button', class: 'small' }, 'Close');
  closeCell.addEventListener('click', () => {
    selected = null;
    showCell(null);
    idIn.focus();
  });
  followOwn.addEventListener('click', async () => {
    const id = shownCell;
    if (id === null) return;
    const rep = await session.client.call((api) => api.followNewest(id));
    if (rep && rep.originCell === id) showFollow(rep, true);
    else err.textContent = `Cell #${id} has no vesicle of its own in the tissue right now.`;
  });

  const showCell = (r: CellReport | null) => {
    if (!r) {
      shownCell = null;
      replace(cellBox);
      highlight([]);
      return;
    }
    if (shownCell !== r.id) {
      shownCell = r.id;
      cellTitle.textContent = `${r.typeName} #${r.id}`;
      replace(cellBox, cellTitle, cellBody, h('div', { class: 'row' }, followOwn, closeCell));
      highlight([r.id, ...r.donors.map((d) => d.id)]);
    }
    const donors = r.donors.length > 0 ? r.donors.map((d) => `${d.typeName} #${d.id}`).join(', ') : 'none yet';
    replace(
      cellBody,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'State'),
        h('dd', {}, `${r.state}${r.states.length > 1 ? ` (of ${r.states.join(', ')})` : ''}`),
        h('dt', {}, 'Receptors'),
        h('dd', {}, r.receptors.length > 0 ? r.receptors.map((x) => x.name).join(', ') : 'none'),
        h('dt', {}, 'Where'),
        h('dd', {}, `${r.tissue}, at (${Math.round(r.x)}, ${Math.round(r.y)}) µm`),
        h('dt', {}, 'Age'),
        h('dd', {}, formatClock(r.ageHours)),
      ),
      r.signals.length > 0 ? table('Signal levels inside the cell', ['signal', 'level (a.u.)'], r.signals.map((s) => [s.name, formatNumber(s.value)])) : null,
      table(
        'Vesicles taken up, by origin',
        ['vesicle type', 'taken up (bound now)'],
        r.uptake.map((u, k) => [u.name, `${formatCount(u.value)} (${formatCount(r.bound[k].value)})`]),
      ),
      h('p', {}, h('strong', {}, 'Recent donors: '), donors, r.donors.length > 0 ? ' (ringed in purple in the view)' : ''),
    );
    highlight([r.id, ...r.donors.map((d) => d.id)]);
  };

  let followShownAt = 0;
  const followBody = h('div');
  const followTitle = h('h3');
  const stopFollow = h('button', { type: 'button', class: 'small' }, 'Stop following');
  stopFollow.addEventListener('click', () => {
    void session.client.call((api) => api.unfollow());
    showFollow(null, true);
    session.redraw();
  });

  const showFollow = (r: FollowReport | null, now = false) => {
    const changed = (followed === null) !== (r === null) || followed?.fate !== r?.fate;
    followed = r;
    if (!r) {
      replace(followBox);
      return;
    }
    const t = performance.now();
    if (!now && !changed && t - followShownAt < REFRESH_MS) return;
    followShownAt = t;
    if (followBox.childElementCount === 0) replace(followBox, followTitle, followBody, h('div', { class: 'row' }, stopFollow));
    followTitle.textContent = `Following one dot of ${r.typeName}`;
    const cargo = [...r.onBind.map((c) => `${c.name} ×${formatNumber(c.value)} on binding`), ...r.cargo.map((c) => `${c.name} ×${formatNumber(c.value)} inside`)];
    replace(
      followBody,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Address label'),
        h('dd', {}, r.labels.length > 0 ? r.labels.join(', ') : 'none'),
        h('dt', {}, 'Cargo'),
        h('dd', {}, cargo.length > 0 ? cargo.join('; ') : 'none'),
        h('dt', {}, 'From'),
        h('dd', {}, r.originCell >= 0 ? `${r.originTypeName} #${r.originCell}, released at ${formatClock(r.bornHours)}` : `${r.originTypeName}, at ${formatClock(r.bornHours)}`),
        h('dt', {}, 'Distance from where it started'),
        h('dd', {}, `${formatDistance(r.distanceFromStartUm)} in ${r.tissue}, in a straight line`),
        h('dt', {}, 'Path length (all the zig-zags)'),
        h('dd', {}, `${formatDistance(r.pathLengthUm)}: the white line in the view. A random walk wanders back and forth, so its path is much longer than the distance it gets from its start.`),
        h('dt', {}, 'Fate'),
        h('dd', { class: r.fate === 'free' ? '' : 'fate' }, r.endHours !== undefined ? `${r.fateText}, at ${formatClock(r.endHours)}` : r.fateText),
      ),
    );
  };

  const fetchCell = async () => {
    if (selected === null || fetching) return;
    fetching = true;
    const id = selected;
    const r = await session.client.call((api) => api.inspectCell(id));
    fetching = false;
    if (selected !== id) return;
    if (r === null) {
      err.textContent = `Cell #${id} is not there (any more).`;
      selected = null;
      showCell(null);
      return;
    }
    if (r) showCell(r);
  };

  const inspector: Inspector = {
    get followed() {
      return followed;
    },
    async selectCell(id) {
      err.textContent = '';
      selected = id;
      idIn.value = String(id);
      await fetchCell();
    },
    async followAt(tissue, x, y, maxDist) {
      const r = await session.client.call((api) => api.followAt(tissue, x, y, maxDist));
      if (!r) return false;
      showFollow(r, true);
      return true;
    },
  };

  go.addEventListener('click', () => {
    const n = Number(idIn.value);
    if (!Number.isInteger(n) || n < 0) {
      err.textContent = 'Enter a cell number (a whole number, shown after # in the panel).';
      return;
    }
    void inspector.selectCell(n);
  });
  idIn.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go.click();
  });
  next.addEventListener('click', () => {
    const f: Frame | null = session.frame;
    if (!f || f.cells.count === 0) return;
    const ids = Array.from(f.cells.id).sort((a, b) => a - b);
    const after = ids.find((i) => selected === null || i > selected);
    void inspector.selectCell(after ?? ids[0]);
  });
  followAny.addEventListener('click', async () => {
    const r = await session.client.call((api) => api.followNewest());
    if (r) showFollow(r, true);
    else err.textContent = 'There is no vesicle in the tissue to follow yet: press Play first.';
  });

  session.on('frame', () => {
    const now = performance.now();
    if (selected !== null && now - lastFetch > REFRESH_MS) {
      lastFetch = now;
      void fetchCell();
    }
  });
  session.on('follow', (r) => showFollow(r));
  session.on('load', () => {
    selected = null;
    showCell(null);
    showFollow(null, true);
    err.textContent = '';
  });
  return inspector;
}
