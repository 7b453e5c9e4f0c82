// The page's Content-Security-Policy (src/app/csp.ts) is in force in the built app: the meta tag
// and the header carry it, an inline script or style slipped into the page is refused (and the
// fixture would fail the test that caused it), and a tour of the app — a lesson in Learn and Lab,
// charts, the share dialog, a chart exported as PNG — breaks none of it.
import { describe, expect, it } from 'vitest';
import { cspText } from '../../src/app/csp';
import { baseUrl, stepN, withApp } from './fixture';
import { policyErrors } from './browser';

describe('Content-Security-Policy', () => {
  it('is sent as a meta tag and a header, with no inline script, no remote origins', async () => {
    const res = await fetch(baseUrl());
    expect(res.headers.get('content-security-policy')).toBe(cspText());
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    // No inline script in the page: every <script> has a src.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
    const policy = cspText();
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
  });

  it('refuses an inline script and an inline style attribute slipped into the page', async () => {
    await withApp('?lesson=letters', async (p, errors) => {
      await p.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        const d = document.createElement('div');
        d.id = 'styled';
        d.setAttribute('style', 'width: 123px');
        document.body.append(d);
      });
      await expect.poll(() => policyErrors(errors).length).toBeGreaterThanOrEqual(2);
      expect(await p.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      expect(await p.evaluate(() => getComputedStyle(document.getElementById('styled')!).width)).not.toBe('123px');
      // Those were this test's doing: the rest of the page broke nothing.
      errors.length = 0;
    });
  });

  it('a tour of the app breaks nothing: Learn, Lab, charts, share dialog, a chart as PNG', async () => {
    await withApp('?lesson=immune-suppression&mode=lab', async (p, errors) => {
      await stepN(p, 200);
      await p.locator('details.more > summary').click();
      await p.locator('#share-open').click();
      await p.locator('#share-close').click();
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(1500);
      await p.getByRole('button', { name: 'Pause' }).click();
      const exportBtn = p.locator('#export-open');
      if ((await exportBtn.count()) > 0) await exportBtn.click();
      await p.waitForTimeout(300);
      expect(policyErrors(errors)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
