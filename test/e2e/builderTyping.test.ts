// Fast typing in the experiment builder: names typed right after Enter, while the column still
// has to redraw for the kind just added, arrive whole — letters, caret moves and all — with the
// CPU slowed as on a school laptop. Keys go to the page back to back (over the DevTools protocol,
// not waiting for the page between them), so they queue ahead of the redraw as a quick typist's do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { newApp, openApp, type App } from './fixture';

/** One key as Chromium's input pipeline takes it: a printable character, or a named key. */
function keyEvents(key: string): Record<string, unknown>[] {
  const named: Record<string, { code: string; keyCode: number; text?: string }> = {
    Enter: { code: 'Enter', keyCode: 13, text: '\r' },
    ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
    Tab: { code: 'Tab', keyCode: 9 },
  };
  const n = named[key];
  if (n) {
    return [
      { type: n.text ? 'keyDown' : 'rawKeyDown', key, code: n.code, windowsVirtualKeyCode: n.keyCode, ...(n.text ? { text: n.text, unmodifiedText: n.text } : {}) },
      { type: 'keyUp', key, code: n.code, windowsVirtualKeyCode: n.keyCode },
    ];
  }
  const upper = key.toUpperCase();
  const code = /[a-z]/i.test(key) ? `Key${upper}` : '';
  return [
    { type: 'keyDown', key, code, text: key, unmodifiedText: key, windowsVirtualKeyCode: upper.charCodeAt(0) },
    { type: 'keyUp', key, code, windowsVirtualKeyCode: upper.charCodeAt(0) },
  ];
}

/** Sends every key at once: each event is queued in order, none waits for the page to handle the one before. */
async function typeAtOnce(cdp: CDPSession, keys: string[]): Promise<void> {
  await Promise.all(keys.flatMap(keyEvents).map((e) => cdp.send('Input.dispatchKeyEvent', e as never)));
}

const kindNames = (p: Page) => p.locator('#builder .bcards .bcard-head h4').allTextContents();

describe('typing in the builder while it redraws', () => {
  // One page for both (the second loads its lesson in it, as a visitor opening another link).
  let app: App;
  beforeAll(async () => {
    app = await newApp('?build=blank');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('three names typed at once, each after Enter, arrive whole (CPU slowed 6×)', async () => {
    const { page: p, errors } = app;
    await p.locator('#builder-h').waitFor();
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    try {
      await p.locator('#b-add-cell').focus();
      // "Reader" is typed as R, d, e, r, three steps left, then "ea": the caret moves too.
      const reader = [...'Rder', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', ...'ea'];
      await typeAtOnce(cdp, [...'Sender', 'Enter', ...reader, 'Enter', ...'Writer']);
      await expect.poll(() => kindNames(p)).toEqual(['Sender', 'Reader']);
      // The third name is still being typed: it waits in the add field, focused, caret at its end.
      await expect.poll(() => p.locator('#b-add-cell').inputValue()).toBe('Writer');
      expect(await p.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return a ? [a.id, a.selectionStart, a.selectionEnd] : null;
      })).toEqual(['b-add-cell', 6, 6]);
      await typeAtOnce(cdp, ['Enter', ...'Mover']);
      await expect.poll(() => kindNames(p)).toEqual(['Sender', 'Reader', 'Writer']);
      await expect.poll(() => p.locator('#b-add-cell').inputValue()).toBe('Mover');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
    expect(errors).toEqual([]);
  });

  it('a number typed into the next field right after Tab applied one arrives whole, focused', async () => {
    const { page: p, errors } = app;
    await openApp(p, '?build=letters');
    await p.locator('#builder-h').waitFor();
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    try {
      // A radius committed with Tab, then the next field (motility) typed into at once: the
      // redraw for the radius must not throw the motility's new text away, nor its caret.
      const radius = p.locator('#b-cellTypes_sender_radius');
      await radius.focus();
      await radius.evaluate((el) => (el as HTMLInputElement).select());
      await typeAtOnce(cdp, [...'7', 'Tab', ...'12']);
      await expect.poll(() => radius.inputValue()).toBe('7');
      await expect.poll(() => p.locator('#b-cellTypes_sender_motility').inputValue()).toMatch(/12$/);
      const motility = await p.locator('#b-cellTypes_sender_motility').inputValue();
      await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('b-cellTypes_sender_motility');
      // Tab selects the whole field, so "12" replaced it.
      expect(motility).toBe('12');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
    expect(errors).toEqual([]);
  });
});
