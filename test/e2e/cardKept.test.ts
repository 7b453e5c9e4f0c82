// At a stop the prompt card keeps its elements: the heading row, the question's paragraph, the
// answer's block, its choices' group and chips, and the explanation's paragraph are the same
// elements before and after, with new words written into them, and few elements are made for the
// new card (the status line, the question's glossary buttons, a result's lines). A card built whole
// at each stop made ~27 new elements and restyled and laid them all out in the stop's frame.
// Read from the page (which elements, how many made), not timed, so it holds on a busy machine.
import { describe, expect, it } from 'vitest';
import { stepN, withApp } from './fixture';
import { settled } from './viewport';
import { promptTick } from './lessonStops';

/** The card's parts that a stop must keep, by selector inside `#prompt`. */
const PARTS = {
  heading: 'h2',
  question: ':scope > .predict',
  answer: '.predict-answer',
  choices: '.predict-choices',
  firstChip: '.predict-choice',
  explain: ':scope > .explain',
};

/** What the test keeps a hold of on the page between the two reads. */
interface Held {
  parts: Record<string, Element | null>;
  made: Element[];
}

describe('the prompt card at a stop', () => {
  for (const id of ['letters', 'gut-messages']) {
    it(`${id}: the run stops at its second prompt and the card keeps its elements, writing the new prompt into them`, async () => {
      await withApp(`?lesson=${id}&quality=full`, async (p, errors) => {
        await p.locator('#prompt .predict-choice').first().waitFor();
        await settled(p);
        const now = await p.evaluate(() => window.cellpost.tick());
        await stepN(p, promptTick(id, 1) - now - 3);
        await p.locator('#prompt[data-step="observe"]').waitFor();
        await settled(p);
        const heading = () => p.locator('#prompt h2').textContent();
        const first = await heading();
        const firstQuestion = await p.locator('#prompt .predict').textContent();
        // Hold the card's parts, and note every element the page makes from now on.
        await p.evaluate((selectors) => {
          const card = document.querySelector('#prompt')!;
          const parts = Object.fromEntries(Object.entries(selectors).map(([k, sel]) => [k, card.querySelector(sel)]));
          const held: Held = { parts, made: [] };
          (window as unknown as { held: Held }).held = held;
          const make = Document.prototype.createElement;
          Document.prototype.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
            const e = make.apply(this, args);
            held.made.push(e);
            return e;
          } as Document['createElement'];
        }, PARTS);
        // Play into the stop: the run pauses at the second prompt, whose card shows at once.
        await p.locator('#play').click();
        await expect.poll(heading, { timeout: 20_000 }).not.toBe(first);
        await p.locator('#prompt[data-step="predict"]').waitFor();
        await settled(p);
        const after = await p.evaluate((selectors) => {
          const card = document.querySelector('#prompt')!;
          const held = (window as unknown as { held: Held }).held;
          const now = Object.fromEntries(Object.entries(selectors).map(([k, sel]) => [k, card.querySelector(sel)]));
          return {
            kept: Object.fromEntries(Object.entries(now).map(([k, e]) => [k, e !== null && e === held.parts[k]])),
            madeInCard: held.made.filter((e) => card.contains(e)).map((e) => e.tagName + (e.className ? `.${e.className}` : '')),
            question: card.querySelector(':scope > .predict')?.textContent,
          };
        }, PARTS);
        console.log(`${id}: at the stop the card made ${after.madeInCard.length} elements (${after.madeInCard.join(' ')})`);
        expect(after.question).not.toBe(firstQuestion);
        expect(after.kept).toEqual({ heading: true, question: true, answer: true, choices: true, firstChip: true, explain: true });
        // The status line, the question's glossary buttons and a result's lines at most.
        expect(after.madeInCard.length).toBeLessThanOrEqual(10);
        expect(errors).toEqual([]);
      });
    });
  }
});
