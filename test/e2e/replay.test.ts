// Browser tests of run files, links and the timeline: a run saved in Chromium (after seeking back
// and branching) verifies with `cellpost replay --verify`; a CLI run file opened in Chromium (picker
// and drag-and-drop) verifies, a tampered one names its divergence, bad ones leave the run alone;
// links reproduce runs and hostile links fall back with a notice; seeking equals the unbroken run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createModel, stateHash, step, type RunEvent } from '../../sim/index';
import { queueRecorded } from '../../src/lab';
import { lesson } from '../../lessons/index';
import { encodeLink } from '../../src/lab';
import { cli, scratchDir } from '../cli/helpers';
import { baseUrl, hash, openApp, withSharedApp, stepN, tick, withApp } from './fixture';
import { nodeHash, type TimedEvent } from './engine';
import { hasText, isHidden } from './expectations';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
let dir: string;

beforeAll(() => {
  dir = scratchDir();
  mkdirSync(SHOTS, { recursive: true });
});

/** Sets a parameter through the settings panel (a recorded `set` event at the current tick). */
async function setParam(p: Page, path: string, value: string): Promise<void> {
  const field = p.locator(`input[data-path="${path}"]`);
  await field.fill(value);
  await field.press('Enter');
  await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
  await hasText(p.locator('#notices'), `set to`);
}

/** Drops files on the page as a user would (a DataTransfer built in the page). */
async function drop(p: Page, files: { name: string; text?: string; bytes?: number }[]): Promise<void> {
  await p.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text ?? new Uint8Array(f.bytes ?? 0)], f.name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const D = 'tissues.tissue.diffusion';

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). A second page a
 * test needs beside it is a fresh context (withApp). No test here changes a stored setting.
 */
const inApp = withSharedApp();

describe('run files, links and the timeline in Chromium', () => {
  it('seeks back and forward exactly, branches on a change, and saves a run that `cellpost replay --verify` confirms', async () => {
    await inApp('?lesson=immune-suppression&seed=5&mode=lab', async (p, errors) => {
      await stepN(p, 90);
      await setParam(p, D, '1.5');
      await stepN(p, 180);
      await p.getByRole('button', { name: 'Anti-PD-L1 antibody' }).click();
      await hasText(p.locator('#notices'), 'Anti-PD-L1 antibody given');
      await stepN(p, 90);
      const sends: TimedEvent[] = [
        { tick: 90, kind: 'set', path: D, value: 1.5 },
        { tick: 270, kind: 'blockLabel', label: 'PDL1', fraction: 1 },
      ];
      const end = await hash(p);
      expect(end).toBe(nodeHash('immune-suppression', '5', 360, sends));

      // Back with the keyboard: Home, then three sample intervals (60 steps each) and one step.
      const range = p.getByRole('slider', { name: 'Timeline' });
      await range.focus();
      await p.keyboard.press('Home');
      await expect.poll(() => tick(p)).toBe(0);
      for (let k = 0; k < 3; k++) await p.keyboard.press('ArrowRight');
      await p.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => tick(p)).toBe(181);
      await hasText(p.locator('#timeline-time'), '0:30:10 / 1:00:00');
      expect(await range.getAttribute('aria-valuetext')).toBe('30 min 10 s of 1 h');
      expect(await hash(p)).toBe(nodeHash('immune-suppression', '5', 181, sends.slice(0, 1)));
      // The setting shown is the one in force at that moment.
      expect(Number(await p.locator(`input[data-path="${D}"]`).inputValue())).toBe(1.5);
      // Forward again: End, and the state is the unbroken run's.
      await p.keyboard.press('End');
      await expect.poll(() => tick(p)).toBe(360);
      expect(await hash(p)).toBe(end);
      // Back to 40 min by dragging, then forward by steps: the same run again.
      await range.fill('240');
      await expect.poll(() => tick(p)).toBe(240);
      await stepN(p, 120);
      expect(await hash(p)).toBe(end);

      // A change at a past moment starts a branch: the antibody (later) is dropped and the log says so.
      await range.fill('200');
      await expect.poll(() => tick(p)).toBe(200);
      await setParam(p, D, '0.5');
      await p.locator('.timeline-log summary').click();
      await hasText(p.locator('#event-log li.branch'), 'the run was changed at 33 min');
      await hasText(p.locator('#event-log li.branch'), '1 later event of it was dropped');
      // The log is drawn again after the branch's entry appears: counted once it has settled.
      await expect.poll(() => p.locator('#event-log li').count()).toBe(3);
      await stepN(p, 160);
      const branched = await hash(p);
      expect(branched).toBe(nodeHash('immune-suppression', '5', 360, [sends[0], { tick: 200, kind: 'set', path: D, value: 0.5 }]));
      await p.screenshot({ path: resolve(SHOTS, 'timeline-branch.png') });

      // Saved from a moment in the past: the file covers the whole run to its end.
      await range.fill('100');
      await expect.poll(() => tick(p)).toBe(100);
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Save run' }).click()]);
      expect(download.suggestedFilename()).toBe('immune-suppression-seed-5-1h.run.json');
      const file = join(dir, 'browser.run.json');
      await download.saveAs(file);
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved.stopTick).toBe(360);
      expect(saved.events.map((e: RunEvent) => [e.tick, e.kind])).toEqual([
        [90, 'set'],
        [200, 'set'],
      ]);
      expect(saved.checkpoints.at(-1)).toEqual({ tick: 360, hash: branched });
      const r = await cli(['replay', file, '--verify']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/verified: identical to the recorded run \(\d+ checkpoints\)/);
      expect(errors).toEqual([]);
    });
  });

  it('opens a CLI run file (picker) and verifies it; a tampered one (dropped) says where it diverged; bad files change nothing', async () => {
    const file = join(dir, 'cli.run.json');
    const events = '[{"atHours":0.5,"kind":"blockLabel","label":"tag","fraction":0.8},{"atHours":0.75,"kind":"inject","vesicleType":"letter","packets":300,"tissue":"tissue","x":300,"y":200}]';
    const r = await cli(['run', '--scenario', 'letters', '--seed', '7', '--hours', '1.5', '--set', `events=${events}`, '--set', 'tissues.tissue.halfLifeHours=3', '--save-run', file, '--json', join(dir, 'cli.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const rec = JSON.parse(text);
    await inApp('?lesson=immune-suppression&mode=lab', async (p, errors) => {
      await p.locator('#open-run-file').setInputFiles(file);
      const status = p.locator('#run-status');
      // The run is replayed to its end before it is verified: at load 32 a 10 s poll saw it at 1 h 15 min of 1 h 30 min.
      await hasText(status, 'Verified: identical to the recorded run (3 checkpoints, up to 1 h 30 min)', 60_000);
      expect(await tick(p)).toBe(540);
      expect(await hash(p)).toBe(rec.checkpoints.at(-1).hash);
      await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson('letters')!.title);
      expect(await p.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
      // The address bar now carries this run: its setting and its two events.
      await expect.poll(() => p.evaluate(() => location.search)).toContain('set.tissues.tissue.halfLifeHours=3');
      expect(await p.evaluate(() => location.search)).toContain('ev=');
      await p.screenshot({ path: resolve(SHOTS, 'replay-verified.png') });

      // Tampered: the 1 h checkpoint's hash is wrong. Dropped on the page.
      const bad = structuredClone(rec);
      bad.checkpoints[1].hash = '0123456789abcdef';
      await drop(p, [{ name: 'tampered.run.json', text: JSON.stringify(bad) }]);
      await hasText(status, 'Diverged: tampered.run.json differs from the recorded run at step 360 (1 h).');
      await hasText(status, `Expected state hash 0123456789abcdef, got ${rec.checkpoints[1].hash}.`);
      expect(await tick(p)).toBe(360);
      await p.screenshot({ path: resolve(SHOTS, 'replay-diverged.png') });

      // Bad files: the run stays exactly where it was.
      const before = [await tick(p), await hash(p)];
      const cases: [{ name: string; text?: string; bytes?: number }, string][] = [
        [{ name: 'newer.run.json', text: JSON.stringify({ ...rec, version: 2 }) }, 'run file version 2 is newer than this Cellpost reads (version 1); update Cellpost'],
        [{ name: 'cut.run.json', text: text.slice(0, 900) }, 'it ends too early'],
        [{ name: 'types.run.json', text: JSON.stringify({ ...rec, seed: 7, stopTick: -1 }) }, 'types.run.json is not a valid run file (2 problems)'],
        [{ name: 'range.run.json', text: JSON.stringify({ ...rec, scenario: { ...rec.scenario, dtSeconds: 99999 } }) }, 'scenario.dtSeconds'],
        [{ name: 'huge.run.json', bytes: 51 * 1024 * 1024 }, 'huge.run.json is too large to be a run file: 51.0 MB; the limit is 50.0 MB'],
        [{ name: 'markup.run.json', text: JSON.stringify({ ...rec, format: '<img src=x onerror="window.__pwned=1">' }) }, 'not a Cellpost run file: format is "<img src=x onerror='],
      ];
      for (const [f, want] of cases) {
        await drop(p, [f]);
        await hasText(status.locator('.banner.error'), want);
        await hasText(status.locator('.banner.error'), 'The current run was not changed.');
        expect([await tick(p), await hash(p)]).toEqual(before);
      }
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await status.locator('img').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('reproduces a run from its link, checks its hash, and keeps the address bar up to date', async () => {
    const base = lesson('letters')!;
    const m = createModel({ ...base, tissues: { tissue: { ...base.tissues.tissue, diffusion: 0.8 } } }, 'class 3B');
    const events = [
      { tick: 30, kind: 'inject', vesicleType: 'letter', packets: 250, tissue: 'tissue', x: 210.5, y: 140.25, radius: 15 },
      { tick: 120, kind: 'set', path: D, value: 2 },
    ] as RunEvent[];
    queueRecorded(m, events);
    step(m, 360);
    const check = { tick: 360, hash: stateHash(m) };
    const link = await encodeLink({ lesson: 'letters', seed: 'class 3B', overrides: new Map([[D, 0.8]]), events, check, hide: ['seed', 'tools', 'runfiles'] }, new Map(), baseUrl(), { withCheck: true });
    expect(link.logDropped).toBe(false);
    await inApp(`${link.url.slice(baseUrl().length)}&mode=lab`, async (p, errors) => {
      await expect.poll(() => p.getByLabel('Seed', { exact: true }).inputValue()).toBe('class 3B');
      await isHidden(p.locator('#tools'));
      await isHidden(p.locator('#new-seed'));
      // Save run and Open run are made after the first picture, and stay hidden once they are there.
      await p.locator('#open-run').waitFor({ state: 'attached' });
      await isHidden(p.locator('#open-run'));
      await isHidden(p.locator('#save-run'));
      await stepN(p, 360);
      expect(await hash(p)).toBe(check.hash);
      await hasText(p.locator('#run-status'), 'Verified: this run is identical to the run the link was made from');
      // The address bar describes the same run (without the check) and keeps the hidden parts.
      const address = await p.evaluate(() => location.search);
      expect(address).toContain('hide=seed%2Ctools%2Crunfiles');
      expect(address).not.toContain('c=');
      // A new intervention: the address bar follows, and a page opened from it has the same run.
      await stepN(p, 10);
      const before = await p.evaluate(() => location.search);
      await p.locator('details.more > summary').click();
      await setParam(p, D, '3');
      await expect.poll(() => p.evaluate(() => location.search)).not.toBe(before);
      await stepN(p, 50);
      const mine = await hash(p);
      await withApp(await p.evaluate(() => location.search), async (again) => {
        await stepN(again, 420);
        expect(await hash(again)).toBe(mine);
      });
      expect(errors).toEqual([]);
    });
  });

  it('keeps Save run and Open run hidden by a link on the Learn screen, once they are made and the Lab is shown', async () => {
    await inApp('?lesson=letters&seed=1&hide=runfiles', async (p, errors) => {
      // Made after the first picture (the run-file panel loads late), then the Lab is opened.
      await p.locator('#open-run').waitFor({ state: 'attached' });
      await p.getByRole('button', { name: 'Lab', exact: true }).click();
      await expect.poll(() => p.locator('#tools').isVisible()).toBe(true);
      await isHidden(p.locator('#open-run'));
      await isHidden(p.locator('#save-run'));
      expect(errors).toEqual([]);
    });
  });

  it('opens hostile links with the lesson defaults and a notice of what was ignored; the share dialog builds an embed snippet', async () => {
    const pwn = '<img src=x onerror="window.__pwned=1">';
    const q = new URLSearchParams();
    q.set('lesson', 'immune-suppression');
    q.set('seed', pwn);
    q.set('set.__proto__.polluted', '1');
    q.set('set.tissues.tissue.diffusion', '1e308');
    q.set('set.cellTypes.tumour.release.0.perHour', 'javascript:alert(1)');
    q.set('ev', 'zNOT-BASE64!');
    q.set('hide', 'settings,everything');
    await inApp(`?${q.toString()}`, async (p, errors) => {
      const notice = p.locator('#run-status .banner.warn');
      await hasText(notice, 'Parts of this link could not be used');
      for (const want of ['set.__proto__.polluted: not a setting', 'set.tissues.tissue.diffusion = 1e308: vesicle diffusion must be between 0 and 50', 'not a number', 'event log: it is not valid base64url', 'hide "everything"'])
        await hasText(notice, want);
      await isHidden(p.locator('#settings'));
      // The seed is kept as plain text; nothing from the link became markup or a prototype key.
      expect(await p.getByLabel('Seed', { exact: true }).inputValue()).toBe(pwn);
      expect(await p.evaluate(() => [(window as unknown as { __pwned?: number }).__pwned, ({} as { polluted?: unknown }).polluted])).toEqual([undefined, undefined]);
      await stepN(p, 30);
      expect(await hash(p)).toBe(nodeHash('immune-suppression', pwn, 30));
      await p.screenshot({ path: resolve(SHOTS, 'link-ignored.png') });
      // Unknown lesson: the first lesson, and the notice says so.
      await openApp(p, '?lesson=nope&seed=2&mode=lab');
      await hasText(p.locator('#run-status'), 'lesson "nope": there is no such lesson');
      expect(await p.getByLabel('Seed', { exact: true }).inputValue()).toBe(lesson('letters')!.seed);

      // The share dialog: teacher options go into the link and the embed snippet.
      await p.getByRole('button', { name: /^Share options/ }).click();
      const dialog = p.getByRole('dialog', { name: 'Share this run' });
      await expect.poll(() => dialog.getByLabel('Link').inputValue()).toContain('lesson=letters');
      await dialog.getByLabel('settings').check();
      await dialog.getByLabel('interventions').check();
      await expect.poll(() => dialog.getByLabel('Embed in a course page').inputValue()).toContain('hide=settings%2Cinterventions');
      const snippet = await dialog.getByLabel('Embed in a course page').inputValue();
      expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lesson=letters&amp;seed=1&amp;hide=settings%2Cinterventions&amp;c=0\.[0-9a-f]{16}" title="Cellpost: Letters with an address"/);
      await p.screenshot({ path: resolve(SHOTS, 'share-dialog.png') });
      await p.keyboard.press('Escape');
      await isHidden(dialog);
      expect(errors).toEqual([]);
    });
  });
});
