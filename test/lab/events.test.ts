// Event logs from outside a run (src/lab/events.ts): each event is judged by the engine's own
// check (sim/events.ts checkEvent) against the starting scenario, so a link refuses exactly what
// the engine would, with the engine's words; links also keep `set` to the scenario's settings.
import { describe, expect, it } from 'vitest';
import { checkEvent, createModel } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { checkEventLog } from '../../src/lab';

const letters = lesson('letters')!;
const model = createModel(letters, '1');

describe('event log checks', () => {
  it('refuse what the engine refuses, with the engine’s message, naming the event', () => {
    const bad = [
      { tick: 3, kind: 'addCells', tissue: 'tissue', type: 'nobody', count: 2 },
      { tick: 3, kind: 'set', path: 'dtSeconds', value: 5 },
      { tick: 3, kind: 'drug', cellType: 'ghost', inhibition: 0.5 },
      { tick: 3, kind: 'set', path: 'tissues.tissue.diffusion', value: 900 },
    ];
    for (const e of bad) {
      const engine = checkEvent(model, e);
      expect(engine).not.toBeNull();
      const r = checkEventLog([{ tick: 1, kind: 'blockLabel', label: 'tag', fraction: 1 }, e], letters, { maxEvents: 10 });
      expect(r).toEqual({ ok: false, problem: `event 2: ${engine}` });
    }
  });

  it('accept what the engine accepts, and refuse what is not a setting', () => {
    const ok = [{ tick: 0, kind: 'set', path: 'tissues.tissue.diffusion', value: 2 }, { tick: 5, kind: 'blockLabel', label: 'tag', fraction: 0.5 }];
    for (const e of ok) expect(checkEvent(model, e)).toBeNull();
    expect(checkEventLog(ok, letters, { maxEvents: 10 })).toEqual({ ok: true, events: ok });
    const title = [{ tick: 1, kind: 'set', path: 'title', value: 'x' }];
    // Only the schema's settings can be set: the engine refuses a text field, and so does the log check.
    const engine = checkEvent(model, title[0]);
    expect(engine).toMatch(/unknown setting "title"/);
    expect(checkEventLog(title, letters, { maxEvents: 10 })).toEqual({ ok: false, problem: `event 1: ${engine}` });
    expect(checkEventLog(ok, letters, { maxEvents: 1 })).toEqual({ ok: false, problem: 'it has 2 events; at most 1' });
  });
});
