// Browser tests of the Export dialog: the metrics CSV is the engine's series exactly (as Node
// writes it), the cells CSV matches the engine's cells, PNGs of the tissue and a chart decode,
// "Download everything" holds every file and its run file replays in Node to the page's hash, a
// short WebM plays at the chosen size and length without changing the run, and Cancel stops a
// recording with nothing saved.
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../sim/index';
import { cellTable, cellsCsv, parseRunFile, replay } from '../../src/lab';
import { lesson } from '../../lessons/index';
import { seriesCsv } from '../../src/cli/csv';
import { slug } from '../../src/app/export/names';
import { readZip } from '../export/zipReader';
import { hash, withSharedApp, stepN, tick } from './fixture';
import { nodeRun } from './engine';
import { hasText } from './expectations';
import { decodePng, download, isEbml, seriousViolations } from './files';

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). No test here
 * changes a stored setting.
 */
const inApp = withSharedApp();

describe('export', () => {
  it('saves CSVs equal to the engine in Node, PNGs that decode, and a ZIP of everything whose run file replays to the same hash', async () => {
    await inApp('?lesson=immune-suppression&mode=lab', async (p, errors) => {
      // 150 steps, the antibody (a recorded event at step 150), 90 more steps.
      await stepN(p, 150);
      await p.getByRole('button', { name: 'Anti-PD-L1 antibody' }).click();
      await hasText(p.locator('#notices'), 'Anti-PD-L1 antibody given');
      await stepN(p, 90);
      const at = await tick(p);
      const m = nodeRun('immune-suppression', '1', at, [{ tick: 150, kind: 'blockLabel', label: 'PDL1', fraction: 1 }]);
      expect(await hash(p)).toBe(stateHash(m));

      await p.getByRole('button', { name: 'Export…' }).click();
      await hasText(p.locator('#export-run'), 'seed 1');
      expect(await seriousViolations(p)).toEqual([]);

      const metrics = await download(p, '#export-metrics');
      expect(metrics.name).toMatch(/^cellpost-immune-suppression-seed1-\dh\d*m?-metrics\.csv$/);
      expect(metrics.bytes.toString('utf8')).toBe(seriesCsv(m.series));
      const header = metrics.bytes.toString('utf8').split('\n')[0].split(',');
      expect(header[0]).toBe('t_hours');
      expect(header.slice(1)).toEqual(m.series.names);

      const cells = await download(p, '#export-cells');
      expect(cells.bytes.toString('utf8')).toBe(cellsCsv(cellTable(m)));

      const tissue = decodePng((await download(p, '#export-tissue')).bytes);
      const box = (await p.locator('#view-canvas').boundingBox())!;
      expect(tissue.width).toBe(Math.round(box.width));
      expect(tissue.height).toBe(Math.round(box.height));
      const chart = await download(p, '#export-chart-1');
      expect(chart.name).toMatch(/chart-1-guards-by-state\.png$/);
      expect(decodePng(chart.bytes).width).toBeGreaterThan(300);

      const all = await download(p, '#export-all');
      expect(all.name).toMatch(/\.zip$/);
      const files = readZip(new Uint8Array(all.bytes));
      const dir = all.name.replace(/\.zip$/, '');
      const names = [...files.keys()].map((n) => n.slice(dir.length + 1));
      const charts = lesson('immune-suppression')!.lesson!.charts.map((c, i) => `chart-${i + 1}-${slug(c.title)}.png`);
      expect(charts.length).toBeGreaterThan(1);
      expect(names).toEqual(['run.json', 'metrics.csv', 'cells.csv', 'tissue.png', ...charts, 'README.txt']);
      const text = (n: string) => new TextDecoder().decode(files.get(`${dir}/${n}`)!.data);
      expect(text('metrics.csv')).toBe(seriesCsv(m.series));
      expect(text('cells.csv')).toBe(cellsCsv(cellTable(m)));
      for (const n of names.filter((x) => x.endsWith('.png'))) decodePng(Buffer.from(files.get(`${dir}/${n}`)!.data));
      expect(text('README.txt')).toContain('cellpost replay run.json --verify');
      const run = parseRunFile(text('run.json'));
      expect(run.ok).toBe(true);
      if (!run.ok) return;
      expect(run.value.events).toEqual([{ tick: 150, kind: 'blockLabel', label: 'PDL1', fraction: 1 }]);
      // The same run file as "Save run" (src/replay): checkpoints from the start to now.
      expect(run.value.stopTick).toBe(at);
      expect(run.value.checkpoints[0].tick).toBe(0);
      expect(run.value.checkpoints[run.value.checkpoints.length - 1]).toEqual({ tick: at, hash: await hash(p) });
      const r = replay(run.value);
      expect(r.ok).toBe(true);
      expect(r.finalHash).toBe(await hash(p));
      expect(errors).toEqual([]);
    });
  });

  it('records a 2 s WebM at 10 frames/s that plays, and one from the start, without changing the run; Cancel stops a recording and saves nothing', async () => {
    await inApp('?lesson=letters&mode=lab', async (p, errors) => {
      await stepN(p, 60);
      const before = await hash(p);
      await p.getByRole('button', { name: 'Export…' }).click();
      await p.getByLabel('Length (s)').fill('2');
      await p.getByLabel('Frame rate').selectOption('10');
      await p.getByLabel('Size (px)').selectOption({ label: '640 × 360' });
      await hasText(p.locator('#export-video-plan'), '20 frames (2 s at 10 frames/s)');
      const t0 = Date.now();
      const video = await download(p, '#export-video', 120_000);
      const ms = Date.now() - t0;
      expect(video.name).toMatch(/^cellpost-letters-seed1-0h10m-video-0h10m-to-\d+h(\d\dm)?\.webm$/);
      expect(video.bytes.length).toBeGreaterThan(1000);
      expect(isEbml(video.bytes)).toBe(true);
      await hasText(p.locator('#export-status'), '20 frames 640×360');
      const played = await p.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
        await new Promise((ok, no) => {
          v.onloadeddata = ok;
          v.onerror = () => no(new Error(`video error ${v.error?.code}`));
        });
        return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
      }, video.bytes.toString('base64'));
      expect(played).toEqual({ duration: 2, width: 640, height: 360 });
      // The recording stepped its own copy: the run on screen is where it was.
      expect(await hash(p)).toBe(before);
      expect(await tick(p)).toBe(60);

      // From the start: a copy replays the run's settings and events from 0 h.
      await p.getByLabel('Length (s)').fill('1');
      await p.getByLabel("the start — replays this run's settings and interventions from 0 h").check();
      await hasText(p.locator('#export-video-plan'), '10 frames (1 s at 10 frames/s)');
      const fromStart = await download(p, '#export-video', 120_000);
      expect(fromStart.name).toMatch(/-video-0h-to-\d+h(\d\dm)?\.webm$/);
      expect(isEbml(fromStart.bytes)).toBe(true);
      expect(await hash(p)).toBe(before);

      // A long real-time recording, cancelled after a few frames: no file.
      let downloads = 0;
      p.on('download', () => downloads++);
      await p.getByLabel('Length (s)').fill('60');
      await p.getByLabel('Encoder').selectOption('mediarecorder');
      await p.locator('#export-video').click();
      await expect.poll(() => p.locator('#export-video-progress').evaluate((e) => (e as HTMLProgressElement).value), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      await p.getByRole('button', { name: 'Cancel' }).click();
      await hasText(p.locator('#export-status'), 'Recording cancelled; nothing was saved.');
      await expect.poll(() => p.locator('#export-video').isEnabled()).toBe(true);
      await p.waitForTimeout(500);
      expect(downloads).toBe(0);
      expect(await hash(p)).toBe(before);
      console.log(`[export] 2 s WebM at 10 frames/s, 640×360: ${video.bytes.length} bytes in ${ms} ms`);
      expect(errors).toEqual([]);
    });
  });
});
