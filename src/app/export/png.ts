// Pictures as PNG: the tissue canvas as shown (with the overlay of a followed vesicle), and a
// chart (viz/timeChart, viz/distanceChart) turned into one standalone SVG — title, legend and
// plot, with computed styles inlined so it looks the same outside the page — drawn on a canvas.
import { shownPixels } from '../../../viz/canvasBacking';
import { t } from './messages';

/** A canvas's pixels as a PNG Blob. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('files.export.pngFailed')))), 'image/png'));
}

/**
 * The tissue canvas as shown — the part of its pixels its box shows (viz/canvasBacking) — with
 * the overlay canvas (when it has that size) drawn over it.
 */
export function tissuePng(view: HTMLCanvasElement, overlay?: HTMLCanvasElement | null): Promise<Blob> {
  const { width, height } = shownPixels(view);
  const withOverlay = overlay && overlay.width === width && overlay.height === height;
  if (!withOverlay && width === view.width && height === view.height) return canvasPng(view);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const ctx = c.getContext('2d');
  if (!ctx) return canvasPng(view);
  ctx.drawImage(view, 0, 0, width, height, 0, 0, width, height);
  if (withOverlay) ctx.drawImage(overlay, 0, 0);
  return canvasPng(c);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Style properties that decide how SVG content looks; copied inline from the computed style. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'display',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
];

/** A deep copy of an SVG element with each element's computed look written into its style. */
function inlineCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = to[i] as SVGElement;
    // Through the style object: the page's Content-Security-Policy refuses style attributes set as text.
    for (const p of PROPS) target.style.setProperty(p, cs.getPropertyValue(p));
  });
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  return copy;
}

function svgNode<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// i18n-exempt: a CSS font list, not words
const FONT = 'system-ui, sans-serif';

/** One standalone SVG of a chart: title, legend entries (wrapped) or its note, then the plot. */
export function chartSvg(root: HTMLElement): { svg: SVGSVGElement; width: number; height: number; title: string } {
  const plot = root.querySelector<SVGSVGElement>(':scope > svg');
  if (!plot) throw new Error(t('files.export.chartEmpty'));
  const title = root.querySelector(':scope > h3')?.textContent ?? 'chart';
  const width = Math.round(plot.width.baseVal.value || plot.getBoundingClientRect().width || 360);
  const plotH = Math.round(plot.height.baseVal.value || plot.getBoundingClientRect().height || 200);
  const measure = document.createElement('canvas').getContext('2d');
  const textWidth = (t: string, px: number, weight = 400) => {
    if (!measure) return t.length * px * 0.55;
    measure.font = `${weight} ${px}px ${FONT}`;
    return measure.measureText(t).width;
  };
  /** Words wrapped into lines no wider than the chart (less its side margins). */
  const wrap = (t: string, px: number, weight = 400): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of t.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, px, weight) > width - 16) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  const out = svgNode('svg', { xmlns: SVG_NS, width, height: 0 });
  out.append(svgNode('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: '#ffffff' }));
  const ink = getComputedStyle(root).color || '#1d1d1f';
  let y = 4;
  for (const line of wrap(title, 13, 600)) {
    out.append(svgNode('text', { x: 8, y: y + 14, 'font-family': FONT, 'font-size': 13, 'font-weight': 600, fill: ink }, line));
    y += 17;
  }
  y += 5;
  // Legend entries of a time chart: swatch + label, wrapped to the chart's width.
  const items = [...root.querySelectorAll(':scope > ul.cpv-keys > li')];
  let x = 8;
  const rowH = 16;
  if (items.length > 0) {
    for (const li of items) {
      const label = li.querySelector('span')?.textContent ?? '';
      const sw = li.querySelector('svg');
      const w = 26 + textWidth(label, 12) + 12;
      if (x > 8 && x + w > width - 8) {
        x = 8;
        y += rowH;
      }
      if (sw) {
        const s = inlineCopy(sw as SVGSVGElement);
        s.setAttribute('x', String(x));
        s.setAttribute('y', String(y + 3));
        out.append(s);
      }
      out.append(svgNode('text', { x: x + 26, y: y + 12, 'font-family': FONT, 'font-size': 12, fill: ink }, label));
      x += w;
    }
    y += rowH + 4;
  }
  const note = root.querySelector(':scope > p.cpv-note')?.textContent;
  if (note) {
    for (const line of wrap(note, 11)) {
      out.append(svgNode('text', { x: 8, y: y + 11, 'font-family': FONT, 'font-size': 11, fill: '#555' }, line));
      y += 14;
    }
    y += 4;
  }
  const body = inlineCopy(plot);
  body.setAttribute('x', '0');
  body.setAttribute('y', String(y));
  body.setAttribute('overflow', 'visible');
  // The plot's own font (12px system-ui from the chart's stylesheet) for text without a size.
  body.setAttribute('font-family', FONT);
  body.setAttribute('color', ink);
  out.append(body);
  const height = y + plotH + 6;
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: out, width, height, title };
}

/** Draws an SVG on a canvas at `scale` and returns the PNG. */
export async function svgPng(svg: SVGSVGElement, width: number, height: number, scale = 2): Promise<Blob> {
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = Math.round(width * scale);
    c.height = Math.round(height * scale);
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error(t('files.export.no2d'));
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await canvasPng(c);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A chart (the `.cpv-chart` element of a viz chart) as a PNG at twice its size on screen. */
export async function chartPng(root: HTMLElement, scale = 2): Promise<{ blob: Blob; title: string }> {
  const { svg, width, height, title } = chartSvg(root);
  return { blob: await svgPng(svg, width, height, scale), title };
}
