// One lesson end to end in bokmål: a link with lang=nb opens the letters lesson in Norwegian
// (<html lang>, title, run controls, prompts, buttons, the clock and the rules dialog with nb
// numbers), plays through its prompts and presses the button a prompt names; the run's state
// hash equals the English run's; an unknown language is refused with a message; the picker
// switches language and is remembered. Screenshots of the Norwegian lesson at three sizes.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hash, openApp, stepN, withApp, withSharedApp } from './fixture';
import { hasText } from './expectations';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const NNBSP = '\u202f';

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** Plays at the fastest speed until the run stops by itself, and returns the run-state words. */
async function playToStop(p: Page, words: string): Promise<void> {
  // A press just after the run stopped by itself is taken as too late a Pause: wait that out.
  await p.waitForTimeout(700);
  await p.locator('#play').click();
  await hasText(p.locator('#run-state'), words, 60_000);
}

/**
 * The bokmål pages share one page (the first opens it in a fresh context; each next loads its own
 * link in it at 1280×720): they all name lang=nb, the language a visitor's storage keeps. The
 * English page and the picker test, which change or need another language, keep their own contexts.
 */
const inBokmal = withSharedApp();
const LOADED = { width: 1280, height: 720 };

describe('a lesson in Norwegian (bokmål)', () => {
  it('runs the letters lesson end to end in bokmål', async () => {
    await inBokmal('?lang=nb&lesson=letters', async (p, errors) => {
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('nb');
      await hasText(p.locator('#lesson-title'), 'Brev med adresse');
      await hasText(p.locator('#lesson-question'), 'Hvorfor reagerer bare noen av naboene?');
      await hasText(p.locator('#play'), 'Spill av');
      await hasText(p.locator('#reset'), 'Start på nytt');
      await hasText(p.locator('#prompt .predict'), 'Før du trykker «Spill av»');
      await hasText(p.locator('#interventions'), 'Gi tilskuerne reseptoren');
      expect(await p.locator('.skip').textContent()).toBe('Gå til vevsbildet');
      for (const size of [
        { width: 390, height: 844 },
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await p.setViewportSize(size);
        await p.waitForTimeout(300);
        await p.screenshot({ path: resolve(SHOTS, `nb-letters-${size.width}x${size.height}.png`) });
      }
      await p.setViewportSize({ width: 1280, height: 720 });
      // Play at the fastest speed: the run stops at each prompt, and the clock speaks bokmål.
      await p.locator('#transport select').selectOption({ index: 7 });
      await playToStop(p, 'Pause ved 2 t');
      await hasText(p.locator('#clock'), '2 t');
      await hasText(p.locator('#prompt .predict'), 'Vil lesere 300 µm unna reagere');
      await playToStop(p, 'Pause ved 4 t');
      await hasText(p.locator('#prompt .predict'), 'Trykk nå «Gi tilskuerne reseptoren»');
      await p.locator('#interventions button', { hasText: 'Gi tilskuerne reseptoren' }).click();
      await playToStop(p, 'Pause ved 6 t');
      await hasText(p.locator('#notices'), 'Leksjonens 6 t er ferdige');
      await p.setViewportSize({ width: 1920, height: 1080 });
      await p.waitForTimeout(300);
      await p.screenshot({ path: resolve(SHOTS, 'nb-letters-6h-1920x1080.png') });
      // The model's rules in plain words, with bokmål numbers.
      await p.locator('#about-open').click();
      await hasText(p.locator('#about h2'), 'Brev med adresse');
      // The glossary explains bokmål words.
      expect(await p.locator('#about .about-body button').allTextContents()).toEqual(expect.arrayContaining(['vesikler', 'reseptoren']));
      await p.screenshot({ path: resolve(SHOTS, 'nb-letters-about-1920x1080.png') });
      await p.locator('#model-rules-open').click();
      // The rules are written into the dialog after it opens: wait for them (on a busy machine
      // the dialog was read while it held only its introduction).
      await hasText(p.locator('#model-rules'), '0,05 µm/s');
      await hasText(p.locator('#model-rules'), '«melding mottatt» er over 5');
      await p.keyboard.press('Escape');
      // Home: the cards in bokmål, and the picker.
      await p.locator('#home-button').click();
      await hasText(p.locator('#home-h'), 'Velg en leksjon');
      await hasText(p.locator('#home a[data-lesson="liquid-biopsy"] .card-title'), 'Når viser blodet det?');
      expect(await p.locator('#home select.language-select').inputValue()).toBe('nb');
      await p.setViewportSize({ width: 1280, height: 720 });
      await p.waitForTimeout(500);
      await p.screenshot({ path: resolve(SHOTS, 'nb-home-1280x720.png') });
      expect(errors).toEqual([]);
    }, LOADED);
  });

  it('shows the Lab’s inspector, tools, settings, legend and event log in bokmål, with a committed prediction listed', async () => {
    await inBokmal('?lang=nb&lesson=letters&mode=lab', async (p, errors) => {
      await hasText(p.locator('#tools-h'), 'Verktøy');
      await hasText(p.locator('#tools'), 'undersøke celler og følge vesikler');
      await hasText(p.locator('#inspector-h'), 'Undersøk');
      await hasText(p.locator('#settings-h'), 'Innstillinger');
      await hasText(p.locator('#legend'), 'Celler');
      // A committed prediction goes into the event log, in words.
      await p.locator('#prompt .predict-choices input[type=radio]').first().check();
      await hasText(p.locator('#event-log li.prediction'), 'Spådom for spørsmål 1: ');
      await stepN(p, 200);
      const cell = await p.evaluate(() => window.cellpost.cellAt(20));
      expect(cell).not.toBeNull();
      await p.mouse.click(cell!.clientX, cell!.clientY);
      await hasText(p.locator('#cell-report'), 'Vesikler tatt opp, etter opphav');
      await hasText(p.locator('#cell-report'), 'Tilstand');
      const report = (await p.locator('#cell-report').textContent()) ?? '';
      for (const english of ['State', 'Receptors', 'Where', 'Age', 'Recent donors', 'taken up', 'none yet']) expect(report, english).not.toContain(english);
      await p.locator('#follow-one').click();
      await hasText(p.locator('#follow-report'), 'Følger én prikk av');
      const follow = (await p.locator('#follow-report').textContent()) ?? '';
      for (const english of ['Following', 'Address label', 'Cargo', 'From', 'Fate', 'still free', 'released at']) expect(follow, english).not.toContain(english);
      // Axis numbers: decimal commas, and thousands grouped with a narrow no-break space.
      const ticks = await p.locator('#charts .tick text').allTextContents();
      expect(ticks.length).toBeGreaterThan(0);
      for (const tick of ticks) {
        expect(tick, tick).not.toMatch(/\d\.\d/);
        expect(tick, tick).not.toMatch(/\d{4}/);
      }
      for (const size of [
        { width: 390, height: 844 },
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await p.setViewportSize(size);
        await p.waitForTimeout(400);
        await p.screenshot({ path: resolve(SHOTS, `nb-letters-lab-inspector-${size.width}x${size.height}.png`) });
      }
      expect(errors).toEqual([]);
    }, LOADED);
  });

  it('writes thousands with a narrow no-break space, and keeps the English run’s state hash', async () => {
    let nbHash = '';
    await inBokmal('?lang=nb&lesson=liquid-biopsy', async (p, errors) => {
      await p.locator('#about-open').click();
      await hasText(p.locator('#about'), `omtrent 100${NNBSP}000 slike vesikler per mL`);
      await p.locator('#model-rules-open').click();
      await hasText(p.locator('#model-rules'), `10${NNBSP}000${NNBSP}000${NNBSP}000 per mL`);
      await p.keyboard.press('Escape');
      await stepN(p, 60);
      nbHash = await hash(p);
      expect(errors).toEqual([]);
    }, LOADED);
    await withApp('?lesson=liquid-biopsy', async (p) => {
      await stepN(p, 60);
      expect(await hash(p)).toBe(nbHash);
    });
  });

  it('refuses an unknown language with a message, and the picker switches and remembers', async () => {
    await withApp('?lang=xx&lesson=letters', async (p, errors) => {
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
      await hasText(p.locator('#notices'), '(“xx”)');
      await hasText(p.locator('#play'), 'Play');
      // The picker in the header: bokmål, with the language in the address.
      await Promise.all([p.waitForEvent('load'), p.locator('#top-tools select.language-select').selectOption('nb')]);
      await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 20_000 });
      expect(new URL(p.url()).searchParams.get('lang')).toBe('nb');
      await hasText(p.locator('#play'), 'Spill av');
      // Remembered: the same lesson without lang= opens in bokmål.
      await openApp(p, '?lesson=letters');
      await hasText(p.locator('#lesson-title'), 'Brev med adresse');
      await hasText(p.locator('#home-h'), 'Velg en leksjon', 1000).catch(() => undefined);
      expect(errors.filter((e) => !e.includes('xx'))).toEqual([]);
    });
  });
});
