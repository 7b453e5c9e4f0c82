// Small DOM helpers for the viz modules: elements built with createElement and textContent only
// (never innerHTML — names come from user files), SVG elements, visually-hidden tables, the one
// shared stylesheet (classes "cpv-"; sizes in rem, so chart text grows with the page's text), and
// writes that leave the DOM alone when nothing changes (setText, setAttr).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes and optional text (set with textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** An SVG element with attributes (numbers are written as strings). */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * Shows `text` in `node`, writing only what changed: nothing when it already shows it, the new
 * characters into the text node already there when it has one (Chromium then lays out changed text,
 * not a text node removed and a new one added; screen readers still hear a live region's new
 * text), else `textContent` (to or from empty, or over other children).
 */
export function setText(node: Element, text: string): void {
  const first = node.firstChild;
  if (first instanceof Text && !first.nextSibling) {
    if (first.data === text) return;
    if (text !== '' && first.data !== '') {
      first.data = text;
      return;
    }
  } else if (!first && text === '') return;
  node.textContent = text;
}

/**
 * Sets an attribute only when its value differs (`null` removes it). Chromium treats every write
 * as a change: an SVG shape whose geometry attribute is written, even with its own value, is laid
 * out again ("SVG resource invalidated" in the trace), and any attribute written restyles.
 */
export function setAttr(node: Element, name: string, value: string | number | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
    return;
  }
  const v = String(value);
  if (node.getAttribute(name) !== v) node.setAttribute(name, v);
}

const STYLE_ID = 'cellpost-viz-styles';

// i18n-exempt: the charts' stylesheet
const CSS = `
.cpv-hidden{position:absolute!important;top:0;left:0;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;contain:strict}
.cpv-chart{position:relative;font:.85rem/1.3 system-ui,sans-serif;color:var(--cpv-ink,#1d1d1f)}
.cpv-chart h3,.cpv-blood h3,.cpv-legend h3{font-size:.95rem;margin:0 0 .25rem;font-weight:600}
.cpv-chart svg{display:block;overflow:visible}
.cpv-chart svg text{font-size:.8rem}
.cpv-chart.cpv-fill{display:flex;flex-direction:column;height:100%;min-height:0}
.cpv-fill>svg{flex:1 1 0;min-height:7rem;width:100%}
.cpv-keys{display:flex;flex-wrap:wrap;gap:.1rem .75rem;margin:0 0 .25rem;padding:0;list-style:none}
.cpv-keys li{display:flex;align-items:center;gap:.25rem;cursor:default;border-radius:3px;padding:0 .2rem}
.cpv-keys li:hover,.cpv-keys li:focus{background:rgba(0,0,0,.07);outline:none}
.cpv-keys li:focus-visible{outline:3px solid var(--focus,#0b57d0);outline-offset:1px}
.cpv-tip{position:absolute;pointer-events:none;background:rgba(255,255,255,.96);border:1px solid #999;border-radius:4px;padding:.25rem .4rem;font-size:.85rem;white-space:nowrap;box-shadow:0 1px 4px rgba(0,0,0,.2);z-index:2}
.cpv-tip table{border-collapse:collapse}.cpv-tip td{padding:0 .25rem}.cpv-tip td:last-child{text-align:right;font-variant-numeric:tabular-nums}
.cpv-note{font-size:.8rem;color:#555;margin:.1rem 0}
.cpv-sketch-pad{position:absolute;touch-action:none;cursor:ns-resize;z-index:1}
.cpv-sketch-point{position:absolute;width:1.1rem;height:1.1rem;margin:-.55rem 0 0 -.55rem;border-radius:50%;background:#6a3d9a;border:2px solid #fff;box-shadow:0 0 0 1px #6a3d9a;z-index:2;cursor:ns-resize;touch-action:none}
.cpv-sketch-point:focus-visible{outline:3px solid var(--focus,#0b57d0);outline-offset:2px}
.cpv-legend{font:.85rem/1.35 system-ui,sans-serif;color:var(--cpv-ink,#1d1d1f)}
.cpv-legend section{margin:0 0 .5rem}
.cpv-legend ul{list-style:none;margin:0;padding:0}
.cpv-legend li{display:flex;align-items:center;gap:.4rem;margin:.1rem 0;flex-wrap:wrap}
.cpv-legend li:has(>svg+span:last-child){flex-wrap:nowrap}
.cpv-legend .cpv-states{display:flex;gap:.6rem;margin-left:1.4rem;flex-wrap:wrap}
.cpv-legend .cpv-state{display:inline-flex;align-items:center;gap:.2rem}
.cpv-legend .cpv-labels{color:#555}
.cpv-blood{font:.85rem/1.35 system-ui,sans-serif;color:var(--cpv-ink,#1d1d1f)}
.cpv-blood table{border-collapse:collapse;width:100%}
.cpv-blood th,.cpv-blood td{text-align:left;padding:.1rem .4rem .1rem 0;font-weight:normal;vertical-align:middle}
.cpv-blood td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cpv-blood thead th{font-size:.8rem;color:#555}
`;

let adopted = false;

/**
 * Adds the shared stylesheet to the document once: as a constructed stylesheet, which the page's
 * Content-Security-Policy allows (it forbids inline <style>); a <style> element (textContent, not
 * innerHTML) only where constructed stylesheets are missing.
 */
export function ensureStyles(): void {
  if (typeof document === 'undefined' || adopted || document.getElementById(STYLE_ID)) return;
  if (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in document) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
    return;
  }
  const s = document.createElement('style');
  s.id = STYLE_ID;
  s.textContent = CSS;
  document.head.appendChild(s);
}

/** Removes every child of `node`. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A table (caption, header, rows of text) for screen readers, kept out of sight. */
export function hiddenTable(caption: string, head: string[], rows: string[][]): HTMLTableElement {
  const t = el('table', { class: 'cpv-hidden' });
  t.appendChild(el('caption', {}, caption));
  const thead = el('thead');
  const hr = el('tr');
  for (const h of head) hr.appendChild(el('th', { scope: 'col' }, h));
  thead.appendChild(hr);
  t.appendChild(thead);
  const tb = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    r.forEach((c, i) => tr.appendChild(i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)));
    tb.appendChild(tr);
  }
  t.appendChild(tb);
  return t;
}
