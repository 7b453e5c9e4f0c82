// Browser tests of the built app in Chromium: it loads cleanly, Play/Pause/Step/Reset work from
// the mouse and the keyboard, Reset with the same seed matches the engine run in Node hash for
// hash, parameter entries are refused out of range and applied as recorded events in range,
// the inspector and the follow tool answer, a crashed worker can be restarted, axe finds no
// serious problems, glossary terms explain themselves, and every lesson is photographed for a
// person to look at.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson, lessonIds } from '../../lessons/index';
import { hash, openApp, withSharedApp, stepN, stopped, tick, withApp } from './fixture';
import { nodeHash } from './engine';
import { hasAttr, hasText, isChecked, isHidden } from './expectations';
import { seriousViolations } from './files';
import { settled } from './viewport';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

const clock = (p: Page) => p.locator('#clock').textContent();

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load of its lesson, half the CPU of a fresh context). No
 * test here changes a stored setting; the one that needs its own context option (reduced motion)
 * opens its own.
 */
// The first visit's service worker takes charge before anything else loads in the page.
const inApp = withSharedApp({ offlineFirst: true });

describe('the app in Chromium', () => {
  it('loads every lesson with no console errors, and each is photographed', async () => {
    // One page loads the lessons one after another: the first in a fresh context (a first visit),
    // the rest as the same visitor opening another lesson's link, once the first visit's service
    // worker is in charge (its precache then overlaps no later load) and the page has settled.
    const [first, ...rest] = lessonIds();
    await inApp(`?lesson=${first}`, async (p, errors) => {
      for (const id of [first, ...rest]) {
        if (id !== first) await openApp(p, `?lesson=${id}`);
        await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson(id)!.title);
        await stepN(p, 360);
        // Photographed once the card, charts and side column have caught up with the steps.
        await settled(p);
        await p.screenshot({ path: resolve(SHOTS, `${id}.png`) });
        expect(errors, id).toEqual([]);
      }
    });
  });

  it('Play advances the clock and changes the picture; Pause stops it', async () => {
    await inApp('?lesson=letters', async (p, errors) => {
      const before = await p.locator('#view-canvas').screenshot();
      expect(await clock(p)).toBe('0 min');
      await p.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(p), { timeout: 10_000 }).toBeGreaterThan(60);
      await p.getByRole('button', { name: 'Pause' }).click();
      // Once the answer already asked of the worker has come, the clock must stay still.
      const t1 = await stopped(p);
      const c1 = await clock(p);
      expect(c1).not.toBe('0 min');
      await p.waitForTimeout(600);
      expect(await tick(p)).toBe(t1);
      expect(await clock(p)).toBe(c1);
      const after = await p.locator('#view-canvas').screenshot();
      expect(after.equals(before)).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('Reset with the same seed gives the same state hash as the engine in Node', async () => {
    await inApp('?lesson=letters&mode=lab', async (p) => {
      await p.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(p), { timeout: 10_000 }).toBeGreaterThan(30);
      await p.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => tick(p)).toBe(0);
      expect(await stepN(p, 120)).toBe(120);
      expect(await hash(p)).toBe(nodeHash('letters', '1', 120));
      // Another seed, typed in: the page restarts with it and still matches Node.
      await p.getByLabel('Seed', { exact: true }).fill('7');
      await p.getByLabel('Seed', { exact: true }).press('Enter');
      await expect.poll(() => p.evaluate(() => location.search)).toContain('seed=7');
      await expect.poll(() => tick(p)).toBe(0);
      await stepN(p, 90);
      expect(await hash(p)).toBe(nodeHash('letters', '7', 90));
      // New seed: a different number appears in the field.
      await p.getByRole('button', { name: 'New seed' }).click();
      await expect.poll(() => p.getByLabel('Seed', { exact: true }).inputValue()).not.toBe('7');
    });
  });

  it('refuses an out-of-range parameter inline and applies a valid one as a recorded event', async () => {
    await inApp('?lesson=immune-suppression&mode=lab', async (p, errors) => {
      await stepN(p, 30);
      const field = p.locator('input[data-path="tissues.tissue.diffusion"]');
      await field.fill('80');
      await field.press('Enter');
      await hasAttr(field, 'aria-invalid', 'true');
      const msg = p.locator('.param.invalid .error');
      await expect.poll(() => msg.textContent()).toContain('Allowed: 0 to 50');
      await field.fill('0.8');
      await field.press('Enter');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
      await stepN(p, 40);
      const expected = nodeHash('immune-suppression', '1', 70, [{ tick: 30, kind: 'set', path: 'tissues.tissue.diffusion', value: 0.8 }]);
      expect(await hash(p)).toBe(expected);
      // The link carries the change as a recorded event (docs/sharing.md); it survives Reset,
      // after which the run starts with it, so the link carries it as a setting.
      await expect.poll(() => p.evaluate(() => location.search)).toContain('ev=');
      await p.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => p.evaluate(() => location.search)).toContain('set.tissues.tissue.diffusion=0.8');
      expect(await p.evaluate(() => location.search)).not.toContain('ev=');
      expect(errors).toEqual([]);
    });
  });

  it('works from the keyboard alone: Space, →, R, and a visible focus ring', async () => {
    await inApp('?lesson=letters&mode=lab', async (p) => {
      await p.keyboard.press('Tab');
      await p.keyboard.press('Tab');
      const ring = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(ring.outline).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      await p.locator('#view-canvas').focus();
      await p.keyboard.press('Space');
      await hasText(p.locator('#play'), 'Pause');
      await expect.poll(() => tick(p), { timeout: 10_000 }).toBeGreaterThan(10);
      await p.keyboard.press('Space');
      await hasText(p.locator('#play'), 'Play');
      const t0 = await stopped(p);
      // On the tissue the arrows move between cells (test/e2e/describe.test.ts); elsewhere → steps.
      await p.locator('#play').focus();
      await p.keyboard.press('ArrowRight');
      await expect.poll(() => tick(p)).toBe(t0 + 60);
      await p.keyboard.press('r');
      await expect.poll(() => tick(p)).toBe(0);
      // A lesson can be picked (home, then its card) and a cell inspected without a mouse.
      await p.getByRole('button', { name: 'All lessons' }).focus();
      await p.keyboard.press('Enter');
      await p.locator('.card[data-lesson="immune-suppression"]').focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson('immune-suppression')!.title);
      await p.getByRole('button', { name: 'Lab', exact: true }).focus();
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'Next cell' }).focus();
      await p.keyboard.press('Enter');
      await hasText(p.locator('#cell-report h3'), '#');
    });
  });

  it('inspects a clicked cell and follows a vesicle to its fate', async () => {
    await inApp('?lesson=letters&mode=lab', async (p, errors) => {
      await stepN(p, 200);
      const cell = await p.evaluate(() => window.cellpost.cellAt(20));
      expect(cell).not.toBeNull();
      await p.mouse.click(cell!.clientX, cell!.clientY);
      await hasText(p.locator('#cell-report h3'), new RegExp(`#${cell!.id}$`));
      await hasText(p.locator('#cell-report'), 'Vesicles taken up, by origin');
      await p.getByRole('button', { name: 'Follow a vesicle' }).click();
      await hasText(p.locator('#follow-report'), 'Following one dot of letter vesicles');
      await hasText(p.locator('#follow-report'), 'sender cell #');
      for (let k = 0; k < 40; k++) {
        await stepN(p, 90);
        const fate = await p.locator('#follow-report dd.fate').count();
        if (fate > 0) break;
      }
      await hasText(p.locator('#follow-report dd.fate'), /taken up by|broken down|blood/);
      expect(errors).toEqual([]);
    });
  });

  it('places a cell and injects vesicles where the tissue is clicked, and gives interventions as toggles', async () => {
    await inApp('?lesson=immune-suppression&mode=lab', async (p) => {
      await stepN(p, 10);
      const before = await p.evaluate(() => window.cellpost.stats().cells);
      await p.getByLabel('place a cell').check();
      const box = (await p.locator('#view-canvas').boundingBox())!;
      // Inside the drawn tissue (it is fitted into the canvas with a margin on both sides).
      await p.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await expect.poll(() => p.evaluate(() => window.cellpost.stats().cells)).toBe(before + 1);
      const dots = await p.evaluate(() => window.cellpost.stats().vesicles);
      await p.getByLabel('inject vesicles').check();
      await p.getByLabel('Dots to inject').fill('400');
      await p.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.3);
      await expect.poll(() => p.evaluate(() => window.cellpost.stats().vesicles)).toBeGreaterThan(dots + 300);
      await hasText(p.locator('#notices'), '400 dots of tumour vesicles injected');
      const antibody = p.getByRole('button', { name: 'Anti-PD-L1 antibody' });
      await antibody.click();
      await hasAttr(antibody, 'aria-pressed', 'true');
      await hasText(p.locator('#notices'), 'Anti-PD-L1 antibody given');
      await antibody.click();
      await hasAttr(antibody, 'aria-pressed', 'false');
    });
  });

  it("rests the Lab's tools in Learn: a click on the tissue inspects a cell and places nothing", async () => {
    await inApp('?lesson=immune-suppression&mode=lab', async (p, errors) => {
      await stepN(p, 10);
      const cells = () => p.evaluate(() => window.cellpost.stats().cells);
      const before = await cells();
      await p.getByLabel('place a cell').check();
      await p.getByRole('button', { name: 'Learn', exact: true }).click();
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.mode)).toBe('learn');
      const box = (await p.locator('#view-canvas').boundingBox())!;
      await p.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await p.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.3);
      const cell = (await p.evaluate(() => window.cellpost.cellAt(20)))!;
      await p.mouse.click(cell.clientX, cell.clientY);
      await hasText(p.locator('#inspect-card .card-title'), `#${cell.id}`);
      await p.keyboard.press('Escape');
      expect(await p.evaluate(() => window.cellpost.tick())).toBe(10);
      expect(await cells()).toBe(before);
      expect(await p.locator('#view-canvas').evaluate((c) => getComputedStyle(c).cursor)).not.toBe('crosshair');
      // Back in Lab the chosen tool works again.
      await p.getByRole('button', { name: 'Lab', exact: true }).click();
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.mode)).toBe('lab');
      const lab = (await p.locator('#view-canvas').boundingBox())!;
      await p.mouse.click(lab.x + lab.width * 0.6, lab.y + lab.height * 0.5);
      await expect.poll(cells).toBe(before + 1);
      expect(errors).toEqual([]);
    });
  });

  it('says so in plain words when the worker dies, and continues exactly where the run was', async () => {
    await inApp('?lesson=letters', async (p) => {
      // Snapshots are taken every few seconds of wall time while the run plays.
      await p.getByLabel('Speed').selectOption({ label: '10 min/s' });
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(5500);
      await p.getByRole('button', { name: 'Pause' }).click();
      const was = await stopped(p);
      await p.evaluate(() => window.cellpost.crash());
      const alert = p.getByRole('alert');
      await hasText(alert, 'The simulation stopped working');
      await hasText(alert, 'Nothing is lost');
      // The rest of the page still answers while the engine is down.
      await p.getByLabel('Speed').selectOption({ label: '1 h/s' });
      await p.getByRole('button', { name: /Continue from/ }).click();
      await isHidden(alert);
      const resumed = await tick(p);
      expect(resumed).toBe(was);
      await stepN(p, 25);
      expect(await hash(p)).toBe(nodeHash('letters', '1', resumed + 25));
    });
  });

  it('passes an axe-core scan with no serious or critical violations', async () => {
    await inApp('?lesson=immune-suppression&mode=lab', async (p) => {
      await stepN(p, 120);
      await p.locator('details.more > summary').click();
      const serious = await seriousViolations(p, true);
      expect(serious).toEqual([]);
    });
  });

  it('pauses by itself at a lesson prompt and shows it', async () => {
    await inApp('?lesson=immune-suppression', async (p) => {
      const first = lesson('immune-suppression')!.lesson!.prompts[1];
      await hasText(p.locator('#prompt h2'), '1 of 3');
      await p.getByLabel('Speed').selectOption({ label: '8 h/s' });
      await p.getByRole('button', { name: 'Play' }).click();
      // Playing there takes ~8 s of wall time on an idle machine; more when the machine is busy.
      await hasText(p.locator('#prompt h2'), '2 of 3', 60_000);
      await hasText(p.locator('#play'), 'Play');
      expect(await tick(p)).toBe(Math.round((first.atHours * 3600) / 10));
      await hasText(p.locator('#prompt .predict'), first.predict.slice(0, 40));
      await p.getByRole('button', { name: 'Show the explanation' }).click();
      await hasText(p.locator('#prompt .explain'), first.explain.slice(0, 40));
    });
  });

  it('explains a glossary term in the lesson text on focus, hover and tap, and keeps the text as written', async () => {
    await inApp('?lesson=immune-suppression', async (p) => {
      const first = lesson('immune-suppression')!.lesson!.paragraphs[0];
      await p.locator('#about-open').click();
      await hasText(p.locator('.about-body > p:not(.about-question)').first(), first);
      const term = p.locator('.about-body button.term', { hasText: 'PD-L1' }).first();
      const card = p.locator('.term-tip');
      await term.focus();
      await hasText(card, 'do not attack me');
      const described = await term.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      expect(described).toContain('do not attack me');
      await p.keyboard.press('Escape');
      await isHidden(card);
      await term.blur();
      await term.hover();
      await hasText(card, 'do not attack me');
      await p.mouse.move(0, 0);
      await isHidden(card);
      await term.click();
      await hasAttr(term, 'aria-expanded', 'true');
      await term.click();
      await isHidden(card);
    });
  });

  it('respects prefers-reduced-motion', async () => {
    await withApp('?lesson=letters&mode=lab', (p) => isChecked(p.getByLabel('Less motion')), { reducedMotion: 'reduce' });
  });
});
