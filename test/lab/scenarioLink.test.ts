// Whole-scenario share links: a built experiment round-trips through the link unchanged; a link
// too long says its length and the limit; a damaged or hostile link is refused with the field
// named; and the packed bytes are plain deflate-raw (Node's zlib reads them and writes the same).
import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readScenarioLink, scenarioLink, SCENARIO_LINK_LIMIT } from '../../src/lab/share/scenarioLink';
import { fromBase64Url, packJson, toBase64Url } from '../../src/lab/share/pack';
import { blankScenario, copyOfLesson, applyEdit } from '../../src/lab/builder/index';
import { lessons } from '../../lessons/index';

const BASE = 'https://example.org/cellpost/';
const query = (url: string) => url.slice(url.indexOf('?'));

describe('whole-scenario links', () => {
  it('every lesson copy goes through a link and comes back byte for byte', async () => {
    for (const l of lessons()) {
      const s = copyOfLesson(l);
      const link = await scenarioLink(s, BASE);
      if (!link.ok) throw new Error(link.message);
      expect(link.url.length).toBeLessThanOrEqual(SCENARIO_LINK_LIMIT);
      const back = await readScenarioLink(query(link.url));
      if (!back.ok) throw new Error(JSON.stringify(back.problems));
      expect(JSON.stringify(back.scenario)).toBe(JSON.stringify(s));
    }
  });

  it('a link longer than the limit says how long it is and offers the file', async () => {
    const link = await scenarioLink(copyOfLesson(lessons()[0]), BASE, 200);
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.limit).toBe(200);
      expect(link.message).toMatch(/more than the 200 a link can safely carry\. Download the scenario file/);
    }
  });

  it('the packed bytes are deflate-raw that Node’s zlib reads, and zlib packs the same bytes', async () => {
    const s = copyOfLesson(lessons()[1]);
    const packed = await packJson(s);
    expect(packed[0]).toBe('z');
    const bytes = fromBase64Url(packed.slice(1))!;
    expect(inflateRawSync(bytes).toString('utf8')).toBe(JSON.stringify(s));
    expect(`z${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(s))))}`).toBe(packed);
  });

  it('a damaged, hostile or invalid scenario is refused, each problem at its field', async () => {
    const bad = async (value: unknown) => readScenarioLink(`?scenario=${await packJson(value)}`);
    expect(await readScenarioLink('?scenario=z%%%')).toMatchObject({ ok: false, problems: [{ path: 'scenario' }] });
    expect(await readScenarioLink('?lesson=letters')).toMatchObject({ ok: false });
    const polluted = JSON.parse(`{"id":"x","title":"x","vesicleTypes":{},"cellTypes":{},"tissues":{},"__proto__":{"polluted":1}}`) as unknown;
    const p = await bad(polluted);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0].message).toMatch(/__proto__/);
    const s = applyEdit(blankScenario(), { op: 'addCellKind', name: 'A', count: 3 });
    if (!s.ok) throw new Error(s.message);
    const wrong = structuredClone(s.scenario) as unknown as { cellTypes: { a: { radius: unknown } }; tissues: { tissue: { cells: { type: string }[] } } };
    wrong.cellTypes.a.radius = 'big';
    wrong.tissues.tissue.cells[0].type = 'ghost';
    const r = await bad(wrong);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((x) => x.path)).toContain('cellTypes.a.radius');
    const huge = await readScenarioLink(`?scenario=z${'A'.repeat(20_000)}`);
    expect(huge).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/too long/) as unknown }] });
  });
});
