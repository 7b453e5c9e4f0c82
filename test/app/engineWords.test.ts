// The engine's run warnings in bokmål: the warnings a real run gives (the vesicle capacity
// reached) and each other form the engine writes are said again in bokmål with the lesson's
// translated names; unknown forms pass unchanged, and English is left as the engine wrote it.
import { afterEach, describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { setLanguage } from '../../src/i18n/i18n';
import { warningText } from '../../src/app/ui/engineWords';
import type { ScenarioFile } from '../../lessons/scenarioFile';

afterEach(() => setLanguage('en'));

const shown = { tissues: { tissue: { name: 'vev' } }, cellTypes: { reader: { name: 'leser' } } } as unknown as ScenarioFile;

describe('the engine’s warnings in the reader’s language', () => {
  it('says a real run’s capacity warning in bokmål, with the language’s numbers', async () => {
    const s = structuredClone(lesson('letters')!);
    s.limits.vesicleCapacity = 1000;
    const m = createModel({ ...s, events: [] }, '1');
    step(m, 400);
    const w = m.warnings.find((x) => x.code === 'vesicleCapacity');
    expect(w, 'the run fills its vesicle capacity').toBeDefined();
    expect(w!.message).toBe('vesicle capacity of 1000 packets reached: release pauses until packets are cleared');
    await setLanguage('nb');
    expect(warningText(w!.message, shown)).toBe('Taket på 1\u202f000 pakker er nådd: utslippet tar pause til noen pakker er borte');
  });

  it('says every other form the engine writes in bokmål, with the lesson’s names', async () => {
    await setLanguage('nb');
    expect(warningText('cell capacity of 500 cells reached: division pauses', shown)).toBe('Celletaket på 500 celler er nådd: celledelingen tar pause');
    expect(warningText('tissue: only 3 of 10 reader cells found room', shown)).toBe('vev: bare 3 av 10 celler av typen leser fikk plass');
    expect(warningText('only 3 of 10 reader cells found room', shown)).toBe('bare 3 av 10 celler av typen leser fikk plass');
    expect(warningText('only 20 of 500 injected packets fit the vesicle capacity', shown)).toBe('bare 20 av 500 injiserte pakker fikk plass under taket for vesikler');
    expect(warningText('event drug skipped: event at step 3 is in the past (now at step 9)', shown)).toBe('Legemiddelet ble hoppet over: hendelsen ved steg 3 ligger i fortiden (kjøringen er ved steg 9)');
    expect(warningText('something new from the engine', shown)).toBe('something new from the engine');
  });
});
