// A setting's number field in the reader's language: in bokmål it shows "0,01" and takes "0,02"
// and "0.03" alike, in English it shows "0.01" and takes "0,02" too; text that is not a number
// is refused in words (never NaN), and the value applied is the machine's number (the run's hash
// is the run in Node with that `set` event).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hash, stepN, withApp } from './fixture';
import { nodeHash } from './engine';
import { hasText } from './expectations';

/** The first setting field whose lesson value has decimals, and its path. */
async function decimalField(p: Page): Promise<{ index: number; path: string }> {
  const fields = p.locator('.param input.num');
  await fields.first().waitFor();
  const values = await fields.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).value, e.getAttribute('data-path') ?? '']));
  const index = values.findIndex(([v]) => /[.,]/.test(v));
  expect(index, 'a setting with decimals').toBeGreaterThanOrEqual(0);
  return { index, path: values[index][1] };
}

async function enter(p: Page, index: number, text: string): Promise<void> {
  const field = p.locator('.param input.num').nth(index);
  await field.fill(text);
  await field.press('Enter');
}

describe('number fields in the reader’s language', () => {
  it('bokmål: shows a decimal comma, takes a comma or a point, refuses words in bokmål', async () => {
    await withApp('?lesson=letters&lang=nb&mode=lab', async (p, errors) => {
      const { index, path } = await decimalField(p);
      const field = p.locator('.param input.num').nth(index);
      expect(await field.inputValue()).toBe('0,01');
      await enter(p, index, 'abc');
      await hasText(p.locator('.param .error').nth(index), 'Skriv et tall');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await enter(p, index, '0,02');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
      expect(await field.inputValue()).toBe('0,02');
      await enter(p, index, '0.03');
      await expect.poll(() => field.inputValue()).toBe('0,03');
      await stepN(p, 10);
      expect(await hash(p)).toBe(
        nodeHash('letters', '1', 10, [
          { kind: 'set', path, value: 0.02, tick: 0 },
          { kind: 'set', path, value: 0.03, tick: 0 },
        ]),
      );
      expect(errors).toEqual([]);
    });
  });

  it('English: shows a decimal point and takes a decimal comma too', async () => {
    await withApp('?lesson=letters&mode=lab', async (p, errors) => {
      const { index, path } = await decimalField(p);
      const field = p.locator('.param input.num').nth(index);
      expect(await field.inputValue()).toBe('0.01');
      await enter(p, index, '0,02');
      await expect.poll(() => field.inputValue()).toBe('0.02');
      await enter(p, index, '1,2,3');
      await hasText(p.locator('.param .error').nth(index), 'Enter a number');
      await stepN(p, 10);
      expect(await hash(p)).toBe(nodeHash('letters', '1', 10, [{ kind: 'set', path, value: 0.02, tick: 0 }]));
      expect(errors).toEqual([]);
    });
  });
});
