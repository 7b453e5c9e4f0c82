// The one-file build's text work (build/singleFile.ts) and its policy (src/app/csp.ts): workers
// started by URL become inlined workers, inline code cannot close its own tag, and the policy
// allows the inline script and style by hash only, with workers from blob: URLs.
import { describe, expect, it } from 'vitest';
import { escapeInline, inlineWorkerStarts } from '../../build/singleFile';
import { cspText, singleFileCspText } from '../../src/app/csp';

describe('the one-file build', () => {
  it('rewrites each worker started by URL into its inlined build, keeping the options', () => {
    const code = [
      "const a = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'cellpost-engine' });",
      'const b = new Worker(new URL("../../../workers/sweep.worker.ts", import.meta.url), {type: "module", name: "cellpost-sweep"});',
    ].join('\n');
    const r = inlineWorkerStarts(code, '/x/src/app/engine/client.ts');
    expect(r.count).toBe(2);
    expect(r.code).toContain('import __cellpostInlineWorker0 from "../../../workers/engine.worker.ts?worker&inline";');
    expect(r.code).toContain('import __cellpostInlineWorker1 from "../../../workers/sweep.worker.ts?worker&inline";');
    expect(r.code).toContain("const a = new __cellpostInlineWorker0({ type: 'module', name: 'cellpost-engine' });");
    expect(r.code).toContain('const b = new __cellpostInlineWorker1({type: "module", name: "cellpost-sweep"});');
    expect(r.code).not.toContain('import.meta.url');
  });

  it('inlines a worker imported with ?worker too', () => {
    const r = inlineWorkerStarts("import Sweep from './sweep.worker.ts?worker';\nconst w = new Sweep();", '/x/src/app/a.ts');
    expect(r).toEqual({ code: "import Sweep from './sweep.worker.ts?worker&inline';\nconst w = new Sweep();", count: 1 });
  });

  it('refuses a worker it cannot inline, and leaves other code alone', () => {
    expect(() => inlineWorkerStarts('const w = new Worker(url);', '/x/src/app/other.ts')).toThrow('cannot inline');
    expect(inlineWorkerStarts('const x = 1;', '/x/src/app/other.ts')).toEqual({ code: 'const x = 1;', count: 0 });
  });

  it('inline code cannot end its tag or open a comment', () => {
    expect(escapeInline('a="</script>";b="</SCRIPT ";c="<!--"', 'script')).toBe('a="<\\/script>";b="<\\/SCRIPT ";c="<\\!--"');
    expect(escapeInline('content:"</style>"', 'style')).toBe('content:"<\\/style>"');
    // What the escapes mean inside a JavaScript string: the same text.
    expect(new Function(`return ${escapeInline(JSON.stringify('a</script><!--b'), 'script')}`)()).toBe('a</script><!--b');
  });

  it('the policy allows its inline script and style by hash only, workers from blob:, nothing from any origin', () => {
    const p = singleFileCspText({ scripts: ['sha256-AAA=', 'sha256-BBB='], styles: ['sha256-CCC='] });
    const d = Object.fromEntries(p.split('; ').map((x) => [x.slice(0, x.indexOf(' ')), x.slice(x.indexOf(' ') + 1)]));
    expect(d['script-src']).toBe("'sha256-AAA=' 'sha256-BBB='");
    expect(d['style-src']).toBe("'sha256-CCC='");
    expect(d['worker-src']).toBe('blob:');
    expect(d['default-src']).toBe("'none'");
    expect(d['object-src']).toBe("'none'");
    expect(p).not.toContain('unsafe-inline');
    expect(p).not.toContain("'self'");
    expect(singleFileCspText({ scripts: [], styles: [] })).toContain("script-src 'none'");
    // The served app's policy is unchanged by it.
    expect(cspText()).toContain("script-src 'self'; worker-src 'self'; style-src 'self'");
  });
});
