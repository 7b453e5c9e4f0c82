// Verifying a class's runs (src/lab/class/inputs.ts, verify.ts, verifyAll.ts): a run file or a
// checked link replays to the hash it carries and gives the main metric the run itself reached;
// an edited seed, event or hash is caught; plain links replay for the lesson's length, unsigned;
// files and links that cannot be compared are refused with a reason; the pool agrees with inline.
import { describe, expect, it } from 'vitest';
import { classSeed, encodeLink, makeRunFile, readSources, runFileText, startInline, verifyInline, verifyOnPool, verifyRun, type ClassEntry, type RunFile } from '../../../src/lab';
import { createModel, measure, stateHash, step } from '../../../sim/index';
import { lesson } from '../../../lessons/index';

const STEPS = 90; // a quarter of an hour of letters (dt 10 s)

/** A student's run of letters: its run file (checkpoints at 0 and the end), final hash and main metric. */
function studentFile(seed: string, set?: (s: ReturnType<typeof lesson> & object) => void): { file: RunFile; hash: string; value: number } {
  const s = lesson('letters')!;
  set?.(s);
  const m = createModel(s, seed);
  const first = { tick: 0, hash: stateHash(m) };
  step(m, STEPS);
  return { file: makeRunFile(m, [first]), hash: stateHash(m), value: measure(m)['cells.reader.responding'] };
}

const one = async (name: string, text: string): Promise<ClassEntry> => (await readSources([{ name, text }])).entries[0];

describe('verifying a run', () => {
  it('replays a run file to its hashes and reads the main metric the run reached', async () => {
    const r = studentFile(classSeed(3, 1));
    const e = await one('a.json', runFileText(r.file));
    expect(e).toMatchObject({ ok: true, kind: 'file', lesson: 'letters', settings: '', seed: classSeed(3, 1), hours: 0.25, signed: true, metric: 'cells.reader.responding' });
    if (!e.ok) return;
    const o = verifyRun(e.job);
    expect(o).toMatchObject({ ran: true, ok: true, checked: 2, finalHash: r.hash, value: r.value, unit: 'cells' });
  });

  it('reads the predictions a run file carries, which leave its hashes alone', async () => {
    const r = studentFile('21');
    const text = JSON.stringify({ ...r.file, predictions: [{ prompt: 0, atHours: 0, choice: 'readersNear' }] });
    const e = await one('p.json', text);
    expect(e).toMatchObject({ ok: true, predictions: [{ prompt: 0, atHours: 0, choice: 'readersNear' }] });
    if (e.ok) expect(verifyRun(e.job)).toMatchObject({ ok: true, finalHash: r.hash });
    // Predictions that do not fit the lesson's prompts make the file invalid (src/lab/runfile.ts): listed, not counted.
    const bad = JSON.stringify({ ...r.file, predictions: [{ prompt: 0, atHours: 0, choice: 'Only readers' }, { prompt: 9, atHours: 'soon' }] });
    expect(await one('bad.json', bad)).toMatchObject({ ok: false });
  });

  it('catches an edited seed, an added event and an edited hash', async () => {
    const r = studentFile('7');
    const seed = { ...r.file, seed: '8' };
    const event = { ...r.file, events: [{ kind: 'blockLabel', label: 'tag', fraction: 1, tick: 10 }] };
    const hash = { ...r.file, checkpoints: [r.file.checkpoints[0], { ...r.file.checkpoints[1], hash: '0123456789abcdef' }] };
    const [a, b, c] = (await readSources([seed, event, hash].map((f, i) => ({ name: `f${i}`, text: JSON.stringify(f) })))).entries;
    expect(verifyInline([a])[0]).toMatchObject({ ran: true, ok: false, mismatch: { tick: 0 } });
    expect(verifyInline([b])[0]).toMatchObject({ ran: true, ok: false, mismatch: { tick: STEPS } });
    expect(verifyInline([c])[0]).toMatchObject({ ran: true, ok: false, mismatch: { tick: STEPS, expected: '0123456789abcdef', actual: r.hash } });
  });

  it('reads settings that differ from the lesson, and refuses runs that differ in more', async () => {
    const set = studentFile('5', (s) => (s.tissues.tissue.diffusion = 2));
    const e = await one('set.json', runFileText(set.file));
    expect(e).toMatchObject({ ok: true, settings: 'tissues.tissue.diffusion=2' });
    const other = { ...set.file, scenario: { ...set.file.scenario, id: 'my-own' } };
    expect(await one('other.json', JSON.stringify(other))).toMatchObject({ ok: false, reason: expect.stringContaining('not one of the lessons') });
    const shape = structuredClone(set.file);
    shape.scenario.tissues.tissue.cells.pop();
    expect(await one('shape.json', JSON.stringify(shape))).toMatchObject({ ok: false, reason: expect.stringContaining('more than its settings') });
    expect(await one('bad.json', '{"format": "cellpost-run", ')).toMatchObject({ ok: false, reason: expect.stringContaining('not a valid run file') });
    expect(await one('notes.txt', 'hello')).toMatchObject({ ok: false, reason: expect.stringContaining('neither a run file nor a Cellpost link') });
  });

  it('replays a checked link to its check, and a plain link for the lesson’s length, unsigned', async () => {
    const r = studentFile('11');
    const checked = await encodeLink({ lesson: 'letters', seed: '11', overrides: new Map(), events: [], check: { tick: STEPS, hash: r.hash }, hide: [] }, new Map(), 'https://x.org/', { withCheck: true });
    const { entries } = await readSources([{ name: 'pasted', text: `${checked.url}\n https://x.org/?lesson=letters&seed=11&set.tissues.tissue.diffusion=99999 \nhttps://x.org/?lesson=letters&seed=12` }]);
    expect(entries.map((e) => [e.name, e.ok])).toEqual([
      ['pasted link 1', true],
      ['pasted link 2', false],
      ['pasted link 3', true],
    ]);
    expect(entries[1]).toMatchObject({ reason: expect.stringContaining('damaged or altered') });
    expect(entries[0]).toMatchObject({ signed: true, hours: 0.25 });
    expect(entries[2]).toMatchObject({ signed: false, hours: lesson('letters')!.lesson!.hours });
    const [a] = verifyInline([entries[0]]);
    expect(a).toMatchObject({ ok: true, checked: 1, finalHash: r.hash, value: r.value });
    // The plain link is the lesson as it opens, run for its hours: `cellpost run` with that seed.
    const s = lesson('letters')!;
    const m = createModel(s, '12');
    step(m, (s.lesson!.hours * 3600) / s.dtSeconds);
    const [, , c] = verifyInline(entries);
    expect(c).toMatchObject({ ok: true, checked: 0, finalHash: stateHash(m), value: measure(m)['cells.reader.responding'] });
  });

  it('gives the same outcomes on the worker pool as one after another', async () => {
    const entries = (await readSources([1, 2, 3].map((k) => ({ name: `${k}.json`, text: runFileText(studentFile(classSeed(4, k)).file) })))).entries;
    entries.splice(1, 0, { ok: false, name: 'x', kind: 'file', reason: 'no' });
    const pooled = await verifyOnPool(entries, startInline, 2).done;
    expect(pooled).toEqual(verifyInline(entries));
    expect(pooled[1]).toBeUndefined();
  });
});
