// The inspector: a card next to the clicked cell (never over it; docked at the view's side when
// there is no room, a sheet under the view on a phone) with its type, state, receptors, signal
// levels and the vesicles it took up by origin, its recent donors ringed in the view; and a
// followed vesicle's label, cargo, origin and path until its fate. Focus moves to the card, a
// polite announcement says what it shows, Escape closes it and returns focus to the tissue. The
// side panel keeps the keyboard ways in: a cell by number, the next cell, the newest vesicle.
import type { Frame } from '../../../sim/index';
import { formatClock, formatCount, formatDistance, formatNumber } from '../../../viz/format';
import { stateWord, t } from '../../i18n/i18n';
import type { CellReport, FollowReport } from '../../../workers/protocol';
import type { Session } from '../session';
import { placeCard, SHEET_BELOW, type Anchor } from './cardPlace';
import { h, replace, uid } from './dom';
import { nameById, shownName } from './shownNames';
// Its stylesheet (./inspector.css) is imported by main.ts, so that it is in the page's first CSS
// though this module loads after the first picture (src/app/latePanels.ts).

const REFRESH_MS = 300;
/** Radius (CSS px) kept clear around a followed dot. */
const DOT_CLEAR_PX = 8;

export interface Inspector {
  selectCell(id: number): Promise<void>;
  followAt(tissue: number, x: number, y: number, maxDist: number): Promise<boolean>;
  readonly followed: FollowReport | null;
  /** `fn` runs whenever the followed vesicle (or its report) changes, also to none. */
  onFollow(fn: () => void): void;
}

/** The tissue view the card sits on. */
export interface InspectStage {
  canvas: HTMLCanvasElement;
  /** World µm → CSS px in the canvas. */
  toScreen(x: number, y: number): [number, number];
  /** The tissue shown now (index). */
  tissue(): number;
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

export function mountInspector(root: HTMLElement, session: Session, highlight: (ids: number[]) => void, stage: InspectStage): Inspector {
  let selected: number | null = null;
  let followed: FollowReport | null = null;
  const followFns: (() => void)[] = [];
  let lastFetch = 0;
  let fetching = false;

  const idIn = h('input', { id: uid('cellid'), type: 'text', inputmode: 'numeric', class: 'num short', autocomplete: 'off' });
  const go = h('button', { type: 'button' }, t('inspector.inspect'));
  const next = h('button', { type: 'button' }, t('inspector.nextCell'));
  const followAny = h('button', { type: 'button', id: 'follow-one' }, t('inspector.followOne'));
  const err = h('p', { class: 'error', 'aria-live': 'polite' });
  // What the card shows, said once when it opens (the card itself is not a live region).
  const said = h('p', { class: 'visually-hidden', id: 'inspect-said', 'aria-live': 'polite' });

  root.append(
    h('h2', { id: 'inspector-h' }, t('inspector.heading')),
    h('p', { class: 'help' }, t('inspector.help')),
    h('div', { class: 'row' }, h('label', { for: idIn.id }, t('inspector.cellNumber')), idIn, go, next, followAny),
    err,
    said,
  );

  // ── The card ──
  const cardTitle = h('h2', { class: 'card-title', id: 'inspect-card-title', tabindex: -1 });
  const closeCard = h('button', { type: 'button', class: 'small card-close', 'aria-label': t('inspector.closeCard'), title: t('inspector.closeShort') }, '✕');
  const cellBox = h('div', { class: 'report', id: 'cell-report' });
  const followBox = h('div', { class: 'report', id: 'follow-report' });
  const card = h(
    'section',
    { class: 'inspect-card', id: 'inspect-card', role: 'region', 'aria-labelledby': 'inspect-card-title', tabindex: -1 },
    h('div', { class: 'card-head' }, cardTitle, closeCard),
    h('div', { class: 'card-body' }, cellBox, followBox),
  );
  card.hidden = true;
  const box = stage.canvas.parentElement ?? stage.canvas;
  box.append(card);
  // On a phone (or a view too small to hold the card beside a cell) the card is a sheet under the view.
  const sheet = h('div', { class: 'inspect-sheet', id: 'inspect-sheet' });
  sheet.hidden = true;
  (box.closest('.view') ?? box).after(sheet);

  /** The index of a tissue by its name (reports name it). */
  const tissueIndexOf = (name: string): number => {
    const names = Object.values(session.scenario?.tissues ?? {}).map((t) => t.name);
    const k = names.indexOf(name);
    return k < 0 ? stage.tissue() : k;
  };

  /** Where the card points: the inspected cell, or the followed dot. */
  let anchorWorld: { x: number; y: number; r: number; tissue: number } | null = null;

  /** What the last placement was computed from; a new one is needed only when it changes. */
  let placedFor = '';
  const place = (force = true) => {
    if (card.hidden && sheet.hidden) return;
    const inView = anchorWorld !== null && anchorWorld.tissue === stage.tissue();
    const bw = box.clientWidth;
    const bh = box.clientHeight;
    let anchor: Anchor = { x: bw / 2, y: bh / 2, r: 0 };
    if (anchorWorld && inView) {
      const [x, y] = stage.toScreen(anchorWorld.x, anchorWorld.y);
      const [x1] = stage.toScreen(anchorWorld.x + anchorWorld.r, anchorWorld.y);
      anchor = { x, y, r: Math.max(DOT_CLEAR_PX, Math.abs(x1 - x) + 4) };
    }
    const key = `${bw}x${bh}@${Math.round(anchor.x)},${Math.round(anchor.y)},${Math.round(anchor.r)}`;
    if (!force && key === placedFor) return;
    placedFor = key;
    // Moving the card between the view and the sheet must not lose the focus inside it.
    const focused = card.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const moveTo = (parent: HTMLElement) => {
      if (card.parentElement === parent) return;
      parent.append(card);
      focused?.focus({ preventScroll: true });
    };
    let size = { w: 0, h: 0 };
    if (bw >= SHEET_BELOW) {
      // Measured in the view, as it will be drawn there.
      moveTo(box);
      card.classList.remove('docked', 'beside', 'in-sheet');
      card.style.maxHeight = '';
      card.style.left = '0px';
      card.style.top = '0px';
      card.style.visibility = 'hidden';
      size = { w: card.offsetWidth, h: card.scrollHeight };
      card.style.visibility = '';
    }
    const p = placeCard({ w: bw, h: bh }, anchor, size);
    card.dataset.place = p.mode;
    if (p.mode === 'sheet') {
      moveTo(sheet);
      sheet.hidden = false;
      card.classList.add('in-sheet');
      card.style.left = '';
      card.style.top = '';
      return;
    }
    sheet.hidden = true;
    card.classList.remove('in-sheet');
    card.classList.add(p.mode);
    card.dataset.side = p.side;
    card.style.left = `${Math.round(p.left)}px`;
    card.style.top = `${Math.round(p.top)}px`;
    card.style.maxHeight = `${Math.floor(p.height)}px`;
  };

  let placePending = false;
  const placeSoon = () => {
    if (placePending || card.hidden) return;
    placePending = true;
    requestAnimationFrame(() => {
      placePending = false;
      place(false);
    });
  };

  const openCard = (focus: boolean, announce: string) => {
    const wasHidden = card.hidden;
    card.hidden = false;
    place();
    if (focus || wasHidden) {
      said.textContent = announce;
      if (focus) cardTitle.focus({ preventScroll: true });
      if (!sheet.hidden) sheet.scrollIntoView({ block: 'nearest' });
    }
  };

  const closeAll = (returnFocus: boolean) => {
    const hadFollow = followed !== null;
    selected = null;
    anchorWorld = null;
    showCell(null);
    if (hadFollow) {
      void session.client.call((api) => api.unfollow());
      showFollow(null, true);
      session.redraw();
    }
    card.hidden = true;
    sheet.hidden = true;
    said.textContent = '';
    if (returnFocus) stage.canvas.focus({ preventScroll: true });
  };
  closeCard.addEventListener('click', () => closeAll(true));
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    closeAll(true);
  });
  stage.canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !card.hidden) {
      e.preventDefault();
      closeAll(true);
    }
  });

  // The buttons stay put while the numbers refresh, so a click is never lost to a redraw.
  let shownCell: number | null = null;
  const cellBody = h('div');
  const followOwn = h('button', { type: 'button', class: 'small' }, t('inspector.followOwn'));
  const closeCell = h('button', { type: 'button', class: 'small' }, t('inspector.close'));
  closeCell.addEventListener('click', () => closeAll(true));
  followOwn.addEventListener('click', async () => {
    const id = shownCell;
    if (id === null) return;
    const rep = await session.client.call((api) => api.followNewest(id));
    if (rep && rep.originCell === id) showFollow(rep, true);
    else err.textContent = t('inspector.noOwnVesicle', { id: String(id) });
  });

  const setTitle = () => {
    if (shownCell !== null) cardTitle.textContent = cellBox.querySelector('h3')?.textContent ?? t('inspector.heading');
    else if (followed) cardTitle.textContent = t('inspector.oneDotOf', { type: named('vesicleTypes', followed.typeName) });
  };

  /** A name from the engine's report as the reader's lesson calls it. */
  const named = (kind: Parameters<typeof shownName>[2], english: string) => shownName(session.engineScenario, session.scenario, kind, english);
  /** A donor's or origin's type name; the worker's words for a gone or injected origin are translated too. */
  const originName = (english: string) =>
    english === 'a cell that has since died' ? t('inspector.deadOrigin') : english === 'injected (no cell)' ? t('inspector.injectedOrigin') : named('cellTypes', english); // i18n-exempt: the worker's English, matched to translate it

  /** The taker's type name in a "taken up by tumour cell #12" fate from the worker. */
  const takenByName = (fateText: string) => named('cellTypes', fateText.replace(/^taken up by /, '').replace(/ #\d+$/, ''));
  /** A followed vesicle's fate in the reader's words (by its code; the worker's text for any other). */
  const fateWords = (r: FollowReport): string => {
    switch (r.fate) {
      case 'free':
        return t('inspector.fate.free');
      case 'taken up':
        return t('inspector.fate.takenUp', { cell: t('inspector.cellTitle', { type: takenByName(r.fateText), id: String(r.takenBy ?? '') }) });
      case 'entered the blood':
        return t('inspector.fate.blood');
      case 'broken down':
        return t('inspector.fate.brokenDown');
      default:
        return r.fateText;
    }
  };

  function showCell(r: CellReport | null, focus = false): void {
    if (!r) {
      shownCell = null;
      replace(cellBox);
      highlight([]);
      if (!followed) card.hidden = true;
      setTitle();
      return;
    }
    const fresh = shownCell !== r.id;
    anchorWorld = { x: r.x, y: r.y, r: r.radius, tissue: tissueIndexOf(r.tissue) };
    if (fresh) {
      shownCell = r.id;
      replace(cellBox, h('h3', {}, t('inspector.cellTitle', { type: nameById(session.scenario, 'cellTypes', r.type), id: String(r.id) })), cellBody, h('div', { class: 'row' }, followOwn, closeCell));
      highlight([r.id, ...r.donors.map((d) => d.id)]);
    }
    const donors = r.donors.length > 0 ? r.donors.map((d) => t('inspector.cellTitle', { type: originName(d.typeName), id: String(d.id) })).join(', ') : t('inspector.noneYet');
    const typeName = nameById(session.scenario, 'cellTypes', r.type);
    const state = stateWord(r.state);
    replace(
      cellBody,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('inspector.state')),
        h('dd', {}, r.states.length > 1 ? t('inspector.stateOf', { state, states: r.states.map(stateWord).join(', ') }) : state),
        h('dt', {}, t('inspector.receptors')),
        h('dd', {}, r.receptors.length > 0 ? r.receptors.map((x) => nameById(session.scenario, 'receptors', x.id)).join(', ') : t('inspector.none')),
        h('dt', {}, t('inspector.where')),
        h('dd', {}, t('inspector.whereAt', { tissue: named('tissues', r.tissue), x: formatCount(r.x), y: formatCount(r.y) })),
        h('dt', {}, t('inspector.age')),
        h('dd', {}, formatClock(r.ageHours)),
      ),
      r.signals.length > 0 ? table(t('inspector.signals'), [t('inspector.signal'), t('inspector.level')], r.signals.map((s) => [nameById(session.scenario, 'signals', s.id), formatNumber(s.value)])) : null,
      table(
        t('inspector.uptake'),
        [t('inspector.vesicleType'), t('inspector.takenUp')],
        r.uptake.map((u, k) => [nameById(session.scenario, 'vesicleTypes', u.id), t('inspector.takenUpValue', { taken: formatCount(u.value), bound: formatCount(r.bound[k].value) })]),
      ),
      h('p', {}, h('strong', {}, t('inspector.donors')), ' ', donors, r.donors.length > 0 ? ` ${t('inspector.donorsRinged')}` : ''),
    );
    highlight([r.id, ...r.donors.map((d) => d.id)]);
    setTitle();
    if (fresh) openCard(focus, t('inspector.cellSaid', { type: typeName, id: String(r.id), state }));
    else placeSoon();
  }

  let followShownAt = 0;
  const followBody = h('div');
  const followTitle = h('h3');
  const stopFollow = h('button', { type: 'button', class: 'small' }, t('inspector.stopFollowing'));
  stopFollow.addEventListener('click', () => {
    void session.client.call((api) => api.unfollow());
    showFollow(null, true);
    session.redraw();
    if (shownCell === null) closeAll(true);
  });

  function showFollow(r: FollowReport | null, now = false, focus = false): void {
    const changed = (followed === null) !== (r === null) || followed?.fate !== r?.fate;
    const opening = followed === null && r !== null;
    followed = r;
    for (const fn of followFns) fn();
    if (!r) {
      replace(followBox);
      if (shownCell === null) card.hidden = true;
      setTitle();
      return;
    }
    const at = performance.now();
    if (!now && !changed && at - followShownAt < REFRESH_MS) return;
    followShownAt = at;
    if (followBox.childElementCount === 0) replace(followBox, followTitle, followBody, h('div', { class: 'row' }, stopFollow));
    const typeName = named('vesicleTypes', r.typeName);
    followTitle.textContent = t('inspector.following', { type: typeName });
    const signal = (c: { id: string }) => nameById(session.scenario, 'signals', c.id);
    const cargo = [
      ...r.onBind.map((c) => t('inspector.onBinding', { signal: signal(c), amount: formatNumber(c.value) })),
      ...r.cargo.map((c) => t('inspector.inside', { signal: signal(c), amount: formatNumber(c.value) })),
    ];
    const origin = originName(r.originTypeName);
    const fate = fateWords(r);
    replace(
      followBody,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('inspector.label')),
        h('dd', {}, r.labels.length > 0 ? r.labels.map((l) => named('labels', l)).join(', ') : t('inspector.none')),
        h('dt', {}, t('inspector.cargo')),
        h('dd', {}, cargo.length > 0 ? cargo.join('; ') : t('inspector.none')),
        h('dt', {}, t('inspector.from')),
        h('dd', {}, r.originCell >= 0 ? t('inspector.releasedBy', { cell: t('inspector.cellTitle', { type: origin, id: String(r.originCell) }), time: formatClock(r.bornHours) }) : t('inspector.fromAt', { origin, time: formatClock(r.bornHours) })),
        h('dt', {}, t('inspector.distance')),
        h('dd', {}, t('inspector.distanceValue', { distance: formatDistance(r.distanceFromStartUm), tissue: named('tissues', r.tissue) })),
        h('dt', {}, t('inspector.path')),
        h('dd', {}, t('inspector.pathValue', { length: formatDistance(r.pathLengthUm) })),
        h('dt', {}, t('inspector.fate')),
        h('dd', { class: r.fate === 'free' ? '' : 'fate' }, r.endHours !== undefined ? t('inspector.fateAt', { fate, time: formatClock(r.endHours) }) : fate),
      ),
    );
    // Without an inspected cell the card points at the dot where it started being followed.
    if (shownCell === null && opening && r.path.length >= 2) {
      const n = r.path.length;
      anchorWorld = { x: r.path[n - 2], y: r.path[n - 1], r: 0, tissue: r.tissueIndex };
    }
    setTitle();
    if (opening || focus) openCard(focus, t('inspector.followSaid', { type: typeName, origin }));
  }

  const fetchCell = async (focus = false) => {
    if (selected === null || fetching) return;
    fetching = true;
    const id = selected;
    const r = await session.client.call((api) => api.inspectCell(id));
    fetching = false;
    if (selected !== id) return;
    if (r === null) {
      err.textContent = t('inspector.gone', { id: String(id) });
      selected = null;
      showCell(null);
      return;
    }
    if (r) showCell(r, focus);
  };

  const inspector: Inspector = {
    get followed() {
      return followed;
    },
    onFollow: (fn) => followFns.push(fn),
    async selectCell(id) {
      err.textContent = '';
      if (selected !== id) shownCell = null;
      selected = id;
      idIn.value = String(id);
      await fetchCell(true);
    },
    async followAt(tissue, x, y, maxDist) {
      const r = await session.client.call((api) => api.followAt(tissue, x, y, maxDist));
      if (!r) return false;
      if (shownCell === null) anchorWorld = { x, y, r: 0, tissue };
      followed = null;
      showFollow(r, true, true);
      return true;
    },
  };

  go.addEventListener('click', () => {
    const n = Number(idIn.value);
    if (!Number.isInteger(n) || n < 0) {
      err.textContent = t('inspector.badNumber');
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
    if (!r) {
      err.textContent = t('inspector.nothingToFollow');
      return;
    }
    if (shownCell === null && r.path.length >= 2) anchorWorld = { x: r.path[r.path.length - 2], y: r.path[r.path.length - 1], r: 0, tissue: r.tissueIndex };
    followed = null;
    showFollow(r, true, true);
  });

  session.on('frame', () => {
    const now = performance.now();
    if (selected !== null && now - lastFetch > REFRESH_MS) {
      lastFetch = now;
      void fetchCell();
    }
  });
  // Pan, zoom and resizes move the cell on screen: the card follows.
  session.on('draw', () => placeSoon());
  for (const ev of ['wheel', 'pointerup', 'keyup'] as const) stage.canvas.addEventListener(ev, placeSoon, { passive: true });
  new ResizeObserver(placeSoon).observe(box);
  session.on('follow', (r) => showFollow(r));
  session.on('load', () => {
    selected = null;
    anchorWorld = null;
    showCell(null);
    showFollow(null, true);
    card.hidden = true;
    sheet.hidden = true;
    err.textContent = '';
  });
  return inspector;
}
