// Waiting assertions on page elements for Vitest (playwright-core has no test runner and no
// locator matchers): each polls until the element shows what is expected, or fails with it.
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const opts = { timeout: 10_000, interval: 50 };

/** Waits (10 s unless told) until the element's text contains a string or matches a pattern. */
export async function hasText(loc: Locator, want: string | RegExp, timeout = opts.timeout): Promise<void> {
  const read = async () => ((await loc.count()) > 0 ? ((await loc.first().textContent()) ?? '') : '');
  if (typeof want === 'string') await expect.poll(read, { ...opts, timeout }).toContain(want);
  else await expect.poll(read, { ...opts, timeout }).toMatch(want);
}

/** Waits until the element's attribute has a value (null: absent). */
export async function hasAttr(loc: Locator, name: string, value: string | null): Promise<void> {
  await expect.poll(async () => ((await loc.count()) > 0 ? loc.first().getAttribute(name) : undefined), opts).toBe(value);
}

export async function isHidden(loc: Locator): Promise<void> {
  await expect.poll(() => loc.isHidden(), opts).toBe(true);
}

export async function isChecked(loc: Locator): Promise<void> {
  await expect.poll(() => loc.isChecked(), opts).toBe(true);
}
