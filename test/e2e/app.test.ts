// Browser tests of the built app in Chromium: it loads cleanly, Play/Pause/Step/Reset work from
// the mouse and the keyboard, Reset with the same seed matches the engine run in Node hash for
// hash, parameter entries are refused out of range and applied as recorded events in range,
// the inspector and the follow tool answer, a crashed worker can be restarted, axe finds no
// serious problems, glossary terms explain themselves, and every lesson is photographed for a
// person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createModel, schedule, stateHash, step } from '../../sim/index';
import { lesson, lessonIds } from '../../lessons/index';
import { serveDist, type StaticServer } from './server';
import { chromiumMissing, launch, openPage } from './browser';
import { hasAttr, hasText, isChecked, isHidden } from './expectations';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  server = await serveDist();
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function nodeHash(id: string, seed: string, steps: number, events: { at: number; event: unknown }[] = []): string {
  const m = createModel(lesson(id)!, seed);
  let done = 0;
  for (const { at, event } of events) {
    step(m, at - done);
    done = at;
    expect(schedule(m, event)).toBeNull();
  }
  step(m, steps - done);
  return stateHash(m);
}

const tick = (p: Page) => p.evaluate(() => window.cellpost.tick());
const clock = (p: Page) => p.locator('#clock').textContent();

async function withPage(query: string, fn: (p: Page, errors: string[]) => Promise<void>): Promise<void> {
  const errors: string[] = [];
  const page = await openPage(browser, server.url + query, errors);
  try {
    await fn(page, errors);
  } finally {
    await page.close();
  }
}

describe('the app in Chromium', () => {
  it('loads every lesson with no console errors, and each is photographed', async () => {
    for (const id of lessonIds()) {
      await withPage(`?lesson=${id}`, async (p, errors) => {
        await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson(id)!.title);
        await p.evaluate(() => window.cellpost.stepN(360));
        await p.waitForTimeout(300);
        await p.screenshot({ path: resolve(SHOTS, `${id}.png`) });
        expect(errors).toEqual([]);
      });
    }
  });

  it('Play advances the clock and changes the picture; Pause stops it', async () => {
    await withPage('?lesson=letters', async (p, errors) => {
      const before = await p.locator('#view-canvas').screenshot();
      expect(await clock(p)).toBe('0 min');
      await p.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(p), { timeout: 10_000 }).toBeGreaterThan(60);
      await p.getByRole('button', { name: 'Pause' }).click();
      await p.waitForTimeout(200);
      const t1 = await tick(p);
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
    await withPage('?lesson=letters', async (p) => {
      await p.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(p), { timeout: 10_000 }).toBeGreaterThan(30);
      await p.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => tick(p)).toBe(0);
      expect(await p.evaluate(() => window.cellpost.stepN(120))).toBe(120);
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '1', 120));
      // Another seed, typed in: the page restarts with it and still matches Node.
      await p.getByLabel('Seed', { exact: true }).fill('7');
      await p.getByLabel('Seed', { exact: true }).press('Enter');
      await expect.poll(() => p.evaluate(() => location.search)).toContain('seed=7');
      await expect.poll(() => tick(p)).toBe(0);
      await p.evaluate(() => window.cellpost.stepN(90));
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '7', 90));
      // New seed: a different number appears in the field.
      await p.getByRole('button', { name: 'New seed' }).click();
      await expect.poll(() => p.getByLabel('Seed', { exact: true }).inputValue()).not.toBe('7');
    });
  });

  it('refuses an out-of-range parameter inline and applies a valid one as a recorded event', async () => {
    await withPage('?lesson=immune-suppression', async (p, errors) => {
      await p.evaluate(() => window.cellpost.stepN(30));
      const field = p.locator('input[data-path="tissues.tissue.diffusion"]');
      await field.fill('80');
      await field.press('Enter');
      await hasAttr(field, 'aria-invalid', 'true');
      const msg = p.locator('.param.invalid .error');
      await expect.poll(() => msg.textContent()).toContain('Allowed: 0 to 50');
      await field.fill('0.8');
      await field.press('Enter');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
      await p.evaluate(() => window.cellpost.stepN(40));
      const expected = nodeHash('immune-suppression', '1', 70, [{ at: 30, event: { kind: 'set', path: 'tissues.tissue.diffusion', value: 0.8 } }]);
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(expected);
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
    await withPage('?lesson=letters', async (p) => {
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
      await p.waitForTimeout(200);
      const t0 = await tick(p);
      await p.keyboard.press('ArrowRight');
      await expect.poll(() => tick(p)).toBe(t0 + 60);
      await p.keyboard.press('r');
      await expect.poll(() => tick(p)).toBe(0);
      // A lesson can be picked and a cell inspected without a mouse.
      await p.getByLabel('Lesson', { exact: true }).focus();
      await p.keyboard.press('ArrowDown');
      await expect.poll(() => p.locator('#lesson-title').textContent()).not.toBe(lesson('letters')!.title);
      await p.getByRole('button', { name: 'Next cell' }).focus();
      await p.keyboard.press('Enter');
      await hasText(p.locator('#cell-report h3'), '#');
    });
  });

  it('inspects a clicked cell and follows a vesicle to its fate', async () => {
    await withPage('?lesson=letters', async (p, errors) => {
      await p.evaluate(() => window.cellpost.stepN(200));
      const cell = await p.evaluate(() => window.cellpost.cellAt(20));
      expect(cell).not.toBeNull();
      await p.mouse.click(cell!.clientX, cell!.clientY);
      await hasText(p.locator('#cell-report h3'), new RegExp(`#${cell!.id}$`));
      await hasText(p.locator('#cell-report'), 'Vesicles taken up, by origin');
      await p.getByRole('button', { name: 'Follow a vesicle' }).click();
      await hasText(p.locator('#follow-report'), 'Following one dot of letter vesicles');
      await hasText(p.locator('#follow-report'), 'sender cell #');
      for (let k = 0; k < 40; k++) {
        await p.evaluate(() => window.cellpost.stepN(90));
        const fate = await p.locator('#follow-report dd.fate').count();
        if (fate > 0) break;
      }
      await hasText(p.locator('#follow-report dd.fate'), /taken up by|broken down|blood/);
      expect(errors).toEqual([]);
    });
  });

  it('places a cell and injects vesicles where the tissue is clicked, and gives interventions as toggles', async () => {
    await withPage('?lesson=immune-suppression', async (p) => {
      await p.evaluate(() => window.cellpost.stepN(10));
      const before = await p.evaluate(() => window.cellpost.stats().cells);
      await p.getByLabel('place a cell').check();
      const box = (await p.locator('#view-canvas').boundingBox())!;
      await p.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.5);
      await expect.poll(() => p.evaluate(() => window.cellpost.stats().cells)).toBe(before + 1);
      const dots = await p.evaluate(() => window.cellpost.stats().vesicles);
      await p.getByLabel('inject vesicles').check();
      await p.getByLabel('Dots to inject').fill('400');
      await p.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
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

  it('says so in plain words when the worker dies, and continues exactly from the last snapshot', async () => {
    await withPage('?lesson=letters', async (p) => {
      // Snapshots are taken every few seconds of wall time while the run plays.
      await p.getByLabel('Speed').selectOption({ label: '10 min/s' });
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(5500);
      await p.getByRole('button', { name: 'Pause' }).click();
      await p.evaluate(() => window.cellpost.crash());
      const alert = p.getByRole('alert');
      await hasText(alert, 'The simulation stopped working');
      await hasText(alert, 'The run was saved at');
      // The rest of the page still answers while the engine is down.
      await p.getByLabel('Speed').selectOption({ label: '1 h/s' });
      await p.getByRole('button', { name: /Continue from/ }).click();
      await isHidden(alert);
      const resumed = await tick(p);
      expect(resumed).toBeGreaterThan(0);
      await p.evaluate(() => window.cellpost.stepN(25));
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '1', resumed + 25));
    });
  });

  it('passes an axe-core scan with no serious or critical violations', async () => {
    await withPage('?lesson=immune-suppression', async (p) => {
      await p.evaluate(() => window.cellpost.stepN(120));
      await p.locator('details.more > summary').click();
      await p.addScriptTag({ path: resolve(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      const violations = await p.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);
    });
  });

  it('pauses by itself at a lesson prompt and shows it', async () => {
    await withPage('?lesson=immune-suppression', async (p) => {
      const first = lesson('immune-suppression')!.lesson!.prompts[1];
      await hasText(p.locator('#prompt h2'), '1 of 3');
      await p.getByLabel('Speed').selectOption({ label: '8 h/s' });
      await p.getByRole('button', { name: 'Play' }).click();
      await hasText(p.locator('#prompt h2'), '2 of 3');
      await hasText(p.locator('#play'), 'Play');
      expect(await tick(p)).toBe(Math.round((first.atHours * 3600) / 10));
      await hasText(p.locator('#prompt .predict'), first.predict.slice(0, 40));
      await p.getByRole('button', { name: 'Show the explanation' }).click();
      await hasText(p.locator('#prompt .explain'), first.explain.slice(0, 40));
    });
  });

  it('explains a glossary term in the lesson text on focus, hover and tap, and keeps the text as written', async () => {
    await withPage('?lesson=immune-suppression', async (p) => {
      const first = lesson('immune-suppression')!.lesson!.paragraphs[0];
      await hasText(p.locator('.about-body p').first(), first);
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
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.goto(server.url + '?lesson=letters');
    await page.waitForFunction(() => window.cellpost?.ready());
    await isChecked(page.getByLabel('Less motion'));
    await page.close();
  });
});
