// Browser tests of "nothing destroys work silently" and the inspector card: Reset,
// a lesson switch and a change after going back in time each offer an Undo that brings the run
// back exactly (same tick, same state hash); a Pause pressed as the run stops by itself at a
// prompt keeps it paused; the inspector opens next to the clicked cell with focus and closes with
// Escape; and messages sit in one strip that never covers the tissue or the charts. (Smooth play,
// which measures time, is smoothPlay.test.ts: it runs with the other timed files, alone.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson } from '../../lessons/index';
import { withSharedApp, tick, hash, stepN } from './fixture';
import { nodeHash } from './engine';
import { hasAttr, hasText, isHidden } from './expectations';
import { settled } from './viewport';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const D = 'tissues.tissue.diffusion';

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/**
 * The tests share one page (the first opens it in a fresh context, each next loads its own link
 * in it at its own window size: a fresh load of its lesson without a first visit's service-worker
 * install each time). What they check lives in the page's memory (the Undo offers, the cards, the
 * messages); no test changes a stored setting (Large text, language, sound).
 */
const inApp = withSharedApp();
const withPage = (query: string, fn: (p: Page, errors: string[]) => Promise<void>, viewport = { width: 1280, height: 720 }): Promise<void> => inApp(query, fn, viewport);

/** Sets a parameter through the settings panel (a recorded `set` event at the current tick). */
async function setParam(p: Page, path: string, value: string): Promise<void> {
  const field = p.locator(`input[data-path="${path}"]`);
  await field.fill(value);
  await field.press('Enter');
  await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
}

/** Opens another lesson as a person does: "All lessons", then the lesson's card on the home screen. */
async function switchLesson(p: Page, id: string): Promise<void> {
  await p.getByRole('button', { name: 'All lessons' }).click();
  await p.locator(`.card[data-lesson="${id}"]`).click();
  await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson(id)!.title);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('nothing destroys work silently', () => {
  it('Reset (button and the R key) offers Undo, which brings back the same tick and state hash; Redo goes forward again', async () => {
    await withPage('?lesson=letters', async (p, errors) => {
      await stepN(p, 200);
      const before = await hash(p);
      await p.getByRole('button', { name: 'Reset', exact: true }).click();
      await expect.poll(() => tick(p)).toBe(0);
      await hasText(p.locator('#offer-text'), 'The run was reset; it had reached 33 min.');
      const undo = p.locator('#undo');
      expect(await undo.getAttribute('aria-label')).toBe('Undo: bring back the run of “Letters with an address” at 33 min');
      await undo.click();
      await expect.poll(() => tick(p)).toBe(200);
      expect(await hash(p)).toBe(before);
      await hasText(p.locator('#clock'), '33 min');
      // The undo can itself be undone.
      await hasText(undo, 'Redo');
      await undo.click();
      await expect.poll(() => tick(p)).toBe(0);
      expect(await hash(p)).toBe(nodeHash('letters', '1', 0));
      await undo.click();
      await expect.poll(() => tick(p)).toBe(200);
      expect(await hash(p)).toBe(before);
      // The R key: the same offer, also taken back with Ctrl+Z; the run continues exactly.
      await p.locator('#view-canvas').focus();
      await p.keyboard.press('r');
      await expect.poll(() => tick(p)).toBe(0);
      await hasText(p.locator('#offer-text'), 'The run was reset');
      await p.keyboard.press('Control+z');
      await expect.poll(() => tick(p)).toBe(200);
      expect(await hash(p)).toBe(before);
      await stepN(p, 40);
      expect(await hash(p)).toBe(nodeHash('letters', '1', 240));
      expect(errors).toEqual([]);
    });
  });

  it('switching lesson with a run in progress offers Undo, which brings back the lesson, seed and run', async () => {
    await withPage('?lesson=letters&seed=4&mode=lab', async (p, errors) => {
      await stepN(p, 150);
      const before = await hash(p);
      await switchLesson(p, 'immune-suppression');
      await expect.poll(() => tick(p)).toBe(0);
      await hasText(p.locator('#offer-text'), `Opened “${lesson('immune-suppression')!.title}”. The run of “${lesson('letters')!.title}” (at 25 min) was put aside.`);
      await p.locator('#undo').click();
      await expect.poll(() => p.locator('#lesson-title').textContent()).toBe(lesson('letters')!.title);
      await expect.poll(() => tick(p)).toBe(150);
      expect(await hash(p)).toBe(before);
      expect(await p.getByLabel('Seed', { exact: true }).inputValue()).toBe('4');
      await expect.poll(() => p.evaluate(() => location.search)).toContain('lesson=letters');
      // A lesson left before it took a step loses nothing: no new offer, the earlier one stays.
      await switchLesson(p, 'nk-weapons');
      await switchLesson(p, 'gut-messages');
      await hasText(p.locator('#offer-text'), `Opened “${lesson('nk-weapons')!.title}”. The run of “${lesson('letters')!.title}” (at 25 min)`);
      await p.locator('#undo').click();
      await expect.poll(() => tick(p)).toBe(150);
      expect(await hash(p)).toBe(before);
      expect(errors).toEqual([]);
    });
  });

  it('a change after going back offers Undo, which brings back the later part of the run: the same hash at its end', async () => {
    await withPage('?lesson=immune-suppression&seed=5&mode=lab', async (p, errors) => {
      await stepN(p, 90);
      await setParam(p, D, '1.5');
      await stepN(p, 180);
      await p.getByRole('button', { name: 'Anti-PD-L1 antibody' }).click();
      await hasText(p.locator('#notices'), 'Anti-PD-L1 antibody given');
      await stepN(p, 90);
      const end = await hash(p);
      const range = p.getByRole('slider', { name: 'Timeline' });
      await range.fill('200');
      await expect.poll(() => tick(p)).toBe(200);
      const at200 = await hash(p);
      // Going back and forward changes nothing: no offer yet.
      await isHidden(p.locator('#notice-offer'));
      await setParam(p, D, '0.5');
      await hasText(p.locator('#offer-text'), 'Changed at 33 min 20 s: the later part of the run (to 1 h) and 1 later event were dropped.');
      // The message of the change itself does not hide the offer.
      await hasText(p.locator('#notices'), 'set to 0.5');
      expect(await p.locator('#notice-offer').isVisible()).toBe(true);
      await stepN(p, 60);
      await p.locator('#undo').click();
      await expect.poll(() => tick(p)).toBe(200);
      expect(await hash(p)).toBe(at200);
      await hasText(p.locator('#timeline-time'), '0:33:20 / 1:00:00');
      // The antibody comes later in this run: its toggle says so at each moment.
      const antibody = p.getByRole('button', { name: 'Anti-PD-L1 antibody' });
      await hasAttr(antibody, 'aria-pressed', 'false');
      await p.getByRole('button', { name: 'Back to the end' }).click();
      await expect.poll(() => tick(p)).toBe(360);
      expect(await hash(p)).toBe(end);
      await hasAttr(antibody, 'aria-pressed', 'true');
      await hasText(p.locator('#prompt h2'), '1 of 3');
      // The setting shown is the one in force in the run that came back.
      expect(Number(await p.locator(`input[data-path="${D}"]`).inputValue())).toBe(1.5);
      await p.locator('.timeline-log summary').click();
      expect(await p.locator('#event-log li.branch').count()).toBe(0);
      expect(await p.locator('#event-log li').count()).toBe(2);
      expect(errors).toEqual([]);
    });
  });

  it('a Pause pressed as the run stops by itself at a prompt keeps it paused (mouse and Space)', async () => {
    await withPage('?lesson=letters', async (p, errors) => {
      const stop = Math.round((lesson('letters')!.lesson!.prompts[1].atHours * 3600) / 10);
      // 18 steps before the prompt: 3 s of play at 1 min/s, time enough for the press to begin
      // while the run plays even on a busy machine (1 s was not, beside the unit tests).
      const AHEAD = 18;
      await stepN(p, stop - AHEAD);
      await p.getByLabel('Speed').selectOption({ label: '1 min/s' });
      const play = p.locator('#play');
      await play.click();
      await hasText(play, 'Pause');
      // The press starts on the Pause button; the run reaches the prompt and stops before the release.
      const box = (await play.boundingBox())!;
      await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.mouse.down();
      await expect.poll(() => play.textContent(), { timeout: 10_000 }).toBe('Play');
      await p.mouse.up();
      await p.waitForTimeout(1000);
      expect(await play.textContent()).toBe('Play');
      expect(await tick(p)).toBe(stop);
      await hasText(p.locator('#run-state'), 'Paused at 2 h');
      // Space pressed in the same instant as the next stop: still paused.
      const next = Math.round((lesson('letters')!.lesson!.prompts[2].atHours * 3600) / 10);
      await stepN(p, next - stop - AHEAD);
      await p.locator('#view-canvas').focus();
      await p.keyboard.press('Space');
      await hasText(play, 'Pause');
      await p.evaluate(
        () =>
          new Promise<void>((done) => {
            const b = document.getElementById('play')!;
            const mo = new MutationObserver(() => {
              if (b.textContent !== 'Play') return;
              mo.disconnect();
              document.getElementById('view-canvas')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
              done();
            });
            mo.observe(b, { childList: true, characterData: true, subtree: true });
          }),
      );
      await p.waitForTimeout(1000);
      expect(await play.textContent()).toBe('Play');
      expect(await tick(p)).toBe(next);
      // Pause is idempotent; a Play press later starts the run as it should.
      await p.evaluate(() => (document.getElementById('play') as HTMLButtonElement).click());
      await hasText(play, 'Pause');
      await play.click();
      await hasText(play, 'Play');
      expect(errors).toEqual([]);
    });
  });
});

/**
 * Clicks a cell on the tissue and checks the inspector card: it names the cell, is announced,
 * holds the focus, sits beside the cell (a sheet under the view on a phone) and never over it,
 * and closes with Escape, giving the focus back to the tissue.
 */
async function inspectByClick(p: Page, size: { width: number; height: number }, mode: string): Promise<void> {
  const cell = await p.evaluate(() => window.cellpost.cellAt(20));
  expect(cell, mode).not.toBeNull();
  await p.mouse.click(cell!.clientX, cell!.clientY);
  const card = p.locator('#inspect-card');
  await hasText(card.locator('.card-title'), `#${cell!.id}`);
  await hasText(p.locator('#inspect-said'), `#${cell!.id}:`);
  expect(await p.evaluate(() => document.getElementById('inspect-card')!.contains(document.activeElement)), mode).toBe(true);
  const place = await card.getAttribute('data-place');
  const c = (await card.boundingBox())!;
  expect(c, mode).not.toBeNull();
  const view = (await p.locator('#view-canvas').boundingBox())!;
  // Never over the clicked cell (where it is drawn now: a sheet can make the view smaller).
  const at = (await p.evaluate(() => window.cellpost.cellAt(20)))!;
  expect(at.id, mode).toBe(cell!.id);
  expect(at.clientX < c.x || at.clientX > c.x + c.width || at.clientY < c.y || at.clientY > c.y + c.height, mode).toBe(true);
  if (place === 'beside') {
    const dx = Math.max(c.x - at.clientX, 0, at.clientX - (c.x + c.width));
    const dy = Math.max(c.y - at.clientY, 0, at.clientY - (c.y + c.height));
    expect(Math.hypot(dx, dy), mode).toBeLessThan(60);
    expect(c.x, mode).toBeGreaterThanOrEqual(view.x);
    expect(c.x + c.width, mode).toBeLessThanOrEqual(view.x + view.width + 1);
  } else if (place === 'sheet') {
    expect(c.y, mode).toBeGreaterThanOrEqual(view.y + view.height - 1);
  } else expect(place, mode).toBe('docked');
  if (size.width <= 600) expect(place, mode).toBe('sheet');
  else expect(place, mode).toBe('beside');
  await p.screenshot({ path: resolve(SHOTS, `inspector-card-${mode}-${size.width}.png`) });
  await p.keyboard.press('Escape');
  await isHidden(card);
  expect(await p.evaluate(() => document.activeElement?.id), mode).toBe('view-canvas');
}

describe('the inspector answers where the click was', () => {
  for (const size of SIZES) {
    it(`opens a card next to the clicked cell with focus, announces it, and closes with Escape, in Learn and in Lab (${size.width}×${size.height})`, async () => {
      await withPage(
        '?lesson=immune-suppression',
        async (p, errors) => {
          await stepN(p, 200);
          await inspectByClick(p, size, 'learn');
          await p.getByRole('button', { name: 'Lab', exact: true }).click();
          await expect.poll(() => p.evaluate(() => location.search)).toContain('mode=lab');
          // The Lab's column takes room from the stage: the cell is clicked where the settled view draws it
          // (in one CI run, clicked right after the switch, the card sat 103 px from the cell).
          await settled(p);
          await inspectByClick(p, size, 'lab');
          // From the keyboard (the Lab's inspector panel): "Next cell" opens the card too, with focus in it.
          const card = p.locator('#inspect-card');
          await p.getByRole('button', { name: 'Next cell' }).click();
          await hasText(p.locator('#cell-report h3'), '#');
          expect(await p.evaluate(() => document.getElementById('inspect-card')!.contains(document.activeElement))).toBe(true);
          await p.getByRole('button', { name: 'Close the inspector (Escape)' }).click();
          await isHidden(card);
          expect(errors).toEqual([]);
        },
        size,
      );
    });
  }
});

describe('messages', () => {
  for (const size of SIZES) {
    it(`sit one at a time in a strip that never covers the tissue or the charts, with Dismiss and a list of earlier ones (${size.width}×${size.height})`, async () => {
      await withPage(
        '?lesson=immune-suppression',
        async (p, errors) => {
          await stepN(p, 120);
          await p.getByRole('button', { name: 'Anti-PD-L1 antibody' }).click();
          await hasText(p.locator('#notice-text'), 'Anti-PD-L1 antibody given');
          await p.getByRole('button', { name: /^Release-blocking drug/ }).click();
          await hasText(p.locator('#notice-text'), 'drug');
          expect(await p.locator('#notice-text').textContent()).not.toContain('Anti-PD-L1');
          // The list holds every message in full, the one on show too.
          await hasText(p.locator('.notice-log summary'), 'Messages (2)');
          await hasText(p.locator('#notice-log'), 'Anti-PD-L1 antibody given');
          await hasText(p.locator('#notice-log li.now'), 'drug');
          await p.getByRole('button', { name: 'Reset', exact: true }).click();
          await hasText(p.locator('#offer-text'), 'The run was reset');
          const strip = (await p.locator('#notices').boundingBox())!;
          for (const sel of ['#view-canvas', '#charts', '#prompt']) {
            const b = await p.locator(sel).boundingBox();
            if (b) expect(overlaps(strip, b), `the messages cover ${sel}`).toBe(false);
          }
          // The strip's place does not move when messages come and go.
          await p.screenshot({ path: resolve(SHOTS, `notices-${size.width}.png`) });
          await p.getByRole('button', { name: 'Dismiss message' }).click();
          await isHidden(p.locator('#notice-text'));
          const after = (await p.locator('#status-strip').boundingBox())!;
          await p.getByRole('button', { name: 'Dismiss: keep the change' }).click();
          await isHidden(p.locator('#notice-offer'));
          const empty = (await p.locator('#status-strip').boundingBox())!;
          if (size.width >= 1280) {
            expect(empty.y).toBe(after.y);
            expect(empty.height).toBe(after.height);
          }
          await hasAttr(p.locator('#notices'), 'role', 'region');
          expect(errors).toEqual([]);
        },
        size,
      );
    });
  }
});

describe('the message strip in the run controls\' row (1280×720, Learn)', () => {
  it('moves nothing when messages come, keeps each on one line with its whole text in the list, and is reached with Tab', async () => {
    await withPage(
      '?lesson=immune-suppression',
      async (p, errors) => {
        await stepN(p, 120);
        const still = async () => ({ canvas: await p.locator('#view-canvas').boundingBox(), transport: await p.locator('#transport').boundingBox(), strip: await p.locator('#status-strip').boundingBox() });
        const before = await still();
        // On the row of Play, not a row of its own.
        const play = (await p.locator('#play').boundingBox())!;
        expect(before.strip!.y).toBeLessThan(play.y + play.height);
        await p.getByRole('button', { name: 'Anti-PD-L1 antibody' }).click();
        await hasText(p.locator('#notice-text'), 'Anti-PD-L1 antibody given');
        await p.getByRole('button', { name: 'Reset', exact: true }).click();
        await hasText(p.locator('#offer-text'), 'The run was reset');
        expect(await still()).toEqual(before);
        // One line each; the list (opening upwards, over the stage's edge) has the whole texts.
        const lineHeights = await p.locator('#notice-text, #offer-text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
        for (const lines of lineHeights) expect(lines).toBeLessThan(1.5);
        await p.locator('.notice-log summary').click();
        const list = (await p.locator('#notice-log').boundingBox())!;
        expect(list.y + list.height).toBeLessThanOrEqual(before.strip!.y);
        await hasText(p.locator('#notice-log'), 'The run was reset; it had reached 20 min.');
        await p.keyboard.press('Escape');
        await isHidden(p.locator('#notice-log'));
        // From Reset, Tab reaches Dismiss and then Undo; Enter on Undo brings the run back.
        await p.locator('#reset').focus();
        const reached: string[] = [];
        for (let i = 0; i < 12 && !reached.includes('undo'); i++) {
          await p.keyboard.press('Tab');
          reached.push(await p.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || ''));
        }
        expect(reached).toContain('Dismiss message');
        expect(reached[reached.length - 1]).toBe('undo');
        await p.keyboard.press('Enter');
        await expect.poll(() => tick(p)).toBe(120);
        expect(await still()).toEqual(before);
        expect(errors).toEqual([]);
      },
      { width: 1280, height: 720 },
    );
  });
});
