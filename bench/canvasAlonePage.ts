// The bare page of bench/canvasAlone.ts (no Cellpost code): one picture drawn every animation frame
// as the tissue view draws it (putImageData of the whole picture, small bitmaps over it), and put on
// the screen in one of several ways — a 2d canvas (the page's way), an ImageBitmap handed to a
// `bitmaprenderer` canvas, a WebGL texture drawn as one quad, or a canvas drawn in a worker.

/** How the page draws: the tokens of `--draw` (see bench/canvasAlone.ts). */
export interface PageOptions {
  draw: string[];
  width: number;
  height: number;
  sprites: number;
}

/** The store's size the view would make for a part of `px` (viz/canvasBacking.ts's rounding: 64 px grain, 32 to spare). */
export const paddedStore = (px: number): number => Math.ceil((px + 32) / 64) * 64;

/**
 * The picture's drawing as source text, run in the page or in a worker: `makeFrame(ctx)` returns a
 * function that draws one frame into the 2d context `ctx` (a canvas's or an OffscreenCanvas's).
 */
const drawing = ({ draw, width: W, height: H, sprites }: PageOptions) => `
const draw = ${JSON.stringify(draw)};
let seed = 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
function makeFrame(ctx) {
  const image = new ImageData(${W}, ${H});
  const px = new Uint32Array(image.data.buffer);
  const base = new Uint32Array(px.length).fill(0xff203040);
  const looks = [];
  for (let i = 0; i < 12; i++) {
    const o = new OffscreenCanvas(24, 24);
    const g = o.getContext('2d', { willReadFrequently: true });
    g.fillStyle = 'hsl(' + i * 30 + ',60%,60%)'; g.beginPath(); g.arc(12, 12, 10, 0, 7); g.fill(); g.stroke();
    looks.push(o.transferToImageBitmap());
  }
  const cells = Array.from({ length: ${sprites} }, () => [rnd() * ${W}, rnd() * ${H}, Math.floor(rnd() * 12)]);
  let n = 0;
  return function frame(ctx2) {
    n++;
    if (draw.includes('put')) {
      px.set(base);
      for (let i = 0; i < 3000; i++) px[Math.floor(rnd() * px.length)] = 0xff00ffff;
      // strip: only a 40 px high band of the picture is put each frame (the rest stays as it was).
      if (draw.includes('strip')) ctx.putImageData(image, 0, 0, 0, (n * 7) % ${H}, ${W}, 40);
      else ctx.putImageData(image, 0, 0);
      ctx2?.putImageData(image, 0, 0);
    }
    if (draw.includes('fill')) { ctx.fillStyle = n % 2 ? '#234' : '#235'; ctx.fillRect(0, 0, ${W}, ${H}); }
    if (draw.includes('sprites')) for (const cell of cells) { cell[0] = (cell[0] + (rnd() < 0.5 ? -1 : 1) + ${W}) % ${W}; ctx.drawImage(looks[cell[2]], Math.round(cell[0]), Math.round(cell[1])); }
    if (draw.includes('text')) { ctx.font = '14px sans-serif'; ctx.fillStyle = '#fff'; for (let i = 0; i < 5; i++) ctx.fillText('tumour ' + i, 40 + i * 120, 30); }
  };
}
`;

/** Two triangles covering the canvas, a texture drawn on them: the whole WebGL way. */
const webgl = (W: number, H: number) => `
function glPresenter(canvas) {
  const gl = canvas.getContext('webgl', { alpha: false, antialias: false, depth: false, preserveDrawingBuffer: false });
  if (!gl) return null;
  const sh = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
  const prog = gl.createProgram();
  gl.attachShader(prog, sh(gl.VERTEX_SHADER, 'attribute vec2 p; varying vec2 uv; void main(){ uv = vec2(p.x * 0.5 + 0.5, 0.5 - p.y * 0.5); gl_Position = vec4(p, 0.0, 1.0); }'));
  gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, 'precision mediump float; varying vec2 uv; uniform sampler2D t; void main(){ gl_FragColor = texture2D(t, uv); }'));
  gl.linkProgram(prog); gl.useProgram(prog);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(prog, 'p'); gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  for (const [k, v] of [[gl.TEXTURE_MIN_FILTER, gl.NEAREST], [gl.TEXTURE_MAG_FILTER, gl.NEAREST], [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE], [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE]]) gl.texParameteri(gl.TEXTURE_2D, k, v);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, ${W}, ${H}, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  gl.viewport(0, 0, ${W}, ${H});
  return {
    renderer: (() => { const d = gl.getExtension('WEBGL_debug_renderer_info'); return d ? gl.getParameter(d.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER); })(),
    show(source) { gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, gl.RGBA, gl.UNSIGNED_BYTE, source); gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4); },
  };
}
`;

/**
 * The page. Ways of putting the picture on the screen (tokens of `draw`): none of them draws with
 * the canvas's own 2d context; `bitmap` draws into an OffscreenCanvas and hands it over with
 * transferToImageBitmap() to a `bitmaprenderer` canvas; `webgl` draws into a plain-memory
 * OffscreenCanvas (willReadFrequently) and uploads it as a texture drawn on one quad; `worker` hands
 * the canvas to a worker (transferControlToOffscreen) that draws it in its own animation frames.
 * `pad` makes the store as the view makes it (rounded up to 64 px with 32 to spare) and shows the
 * top-left W×H part with object-view-box. The page marks the first frame drawn with
 * console.timeStamp('canvas-alone-start') on the thread that draws.
 */
export function canvasAlonePage(o: PageOptions): string {
  const { draw, width: W, height: H } = o;
  const pad = draw.includes('pad');
  const SW = pad ? paddedStore(W) : W;
  const SH = pad ? paddedStore(H) : H;
  const viewBox = pad ? `object-view-box:inset(0px ${SW - W}px ${SH - H}px 0px);` : '';
  const mode = draw.includes('bitmap') ? 'bitmap' : draw.includes('webgl') ? 'webgl' : draw.includes('worker') ? 'worker' : '2d';
  const ctxOptions = `{ alpha: false, willReadFrequently: ${draw.includes('wrf')}, desynchronized: ${draw.includes('desync')} }`;
  const workerSource = `${drawing(o)}
let frame, ctx, n = 0;
self.onmessage = (e) => {
  ctx = e.data.canvas.getContext('2d', ${ctxOptions});
  frame = makeFrame(ctx);
  const tick = () => { if (n++ === 0) console.timeStamp('canvas-alone-start'); frame(); if (n % 30 === 0) postMessage(n); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};`;
  return `<!doctype html><html><body style="margin:0">
<canvas id="c" style="display:block;width:${W}px;height:${H}px;${viewBox}"></canvas>${draw.includes('two') ? `<canvas id="c2" style="display:block;width:${W}px;height:${H}px"></canvas>` : ''}
<script type="module">
${drawing(o)}
${webgl(SW, SH)}
const mode = ${JSON.stringify(mode)};
const c = document.getElementById('c');
window.frames_ = 0;
window.renderer_ = '';
const c2 = document.getElementById('c2');
if (c2) { c2.width = ${W}; c2.height = ${H}; }
const ctx2 = c2?.getContext('2d', { alpha: false });
if (mode === 'worker') {
  const off = c.transferControlToOffscreen();
  off.width = ${SW}; off.height = ${SH};
  const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: 'text/javascript' })));
  w.onmessage = (e) => { window.frames_ = e.data; };
  w.postMessage({ canvas: off }, [off]);
} else {
  c.width = ${SW}; c.height = ${SH};
  let ctx, show = () => {};
  if (mode === '2d') ctx = c.getContext('2d', ${ctxOptions});
  else if (mode === 'bitmap') {
    const off = new OffscreenCanvas(${SW}, ${SH});
    ctx = off.getContext('2d', ${ctxOptions});
    const out = c.getContext('bitmaprenderer');
    show = () => out.transferFromImageBitmap(off.transferToImageBitmap());
  } else {
    const off = new OffscreenCanvas(${SW}, ${SH});
    ctx = off.getContext('2d', { alpha: false, willReadFrequently: true });
    const gl = glPresenter(c);
    window.renderer_ = gl ? gl.renderer : 'no WebGL';
    show = gl ? () => gl.show(off) : () => {};
  }
  const frame = makeFrame(ctx);
  const tick = () => {
    if (window.frames_++ === 0) console.timeStamp('canvas-alone-start');
    frame(ctx2);
    show();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
</script></body></html>`;
}
