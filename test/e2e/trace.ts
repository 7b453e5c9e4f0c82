// Chromium's trace of a page, read straight over the DevTools protocol: the same Tracing.start
// (the categories, the trace kept as a stream) that Playwright's browser.startTracing sends, and
// the same stream read here, in the test's process. Playwright's browser.stopTracing() writes the
// stream to a file and then hands the file over in base64 chunks through its own protocol, which
// for a 10–17 MB trace took seconds more than reading it (docs/testing.md).
import type { Page } from 'playwright-core';

export interface Trace {
  /** Ends the trace and returns it (Chromium's JSON trace format, as browser.stopTracing() gave it). */
  stop(): Promise<string>;
}

/** Starts tracing `categories` in the browser of page `p`. */
export async function startTrace(p: Page, categories: readonly string[]): Promise<Trace> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', categories: categories.join(',') });
  return {
    async stop() {
      const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream ?? '')));
      await cdp.send('Tracing.end');
      const handle = await complete;
      if (handle === '') throw new Error('Chromium ended the trace without a stream to read it from');
      const chunks: Buffer[] = [];
      for (let eof = false; !eof; ) {
        const r = await cdp.send('IO.read', { handle });
        chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
        eof = r.eof;
      }
      await cdp.send('IO.close', { handle });
      await cdp.detach();
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
