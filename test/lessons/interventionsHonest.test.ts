// Every lesson button does what its words say and nothing more: a change to how fast things
// decay, to the vessels, to diffusion or to a barrier must be named in the button's help, and a
// button that combines several kinds of event names each (so no "Surgery" that also closes the
// vessel and speeds up decay behind the learner's back).
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';

interface Button {
  label: string;
  help?: string;
  events: { kind: string; path?: string }[];
  off?: { kind: string; path?: string }[];
}

/** Setting paths with effects beyond what a button might seem to do, and the words that name them. */
const QUIET_SETTINGS: [RegExp, RegExp][] = [
  [/halfLife/i, /half-life|clear|decay/i],
  [/vessels|entryPerMinute/i, /vessel|blood flow/i],
  [/diffusion/i, /diffus|spread/i],
  [/barriers|permeability/i, /barrier|lining|permeab|leaky|seal/i],
  [/\.(width|height)$/i, /size|wider|larger|smaller/i],
];

/** Each kind of event, and words that announce it. */
const KIND_WORDS: Record<string, RegExp> = {
  set: /./,
  drug: /drug|release/i,
  blockLabel: /antibod|cover|block/i,
  inject: /inject|dose|given|vein/i,
  removeCells: /remov|kill|taken away|take away|no (t )?cells/i,
  addCells: /new|add|placed/i,
};

/** What a button changes that its words do not say (empty: nothing hidden). */
function hiddenChanges(b: Button): string[] {
  const words = `${b.label} ${b.help ?? ''}`;
  const out: string[] = [];
  const events = [...b.events, ...(b.off ?? [])];
  for (const e of events) {
    if (!(e.kind in KIND_WORDS)) out.push(`unknown kind ${e.kind}`);
    if (e.kind === 'set' && e.path)
      for (const [path, named] of QUIET_SETTINGS) if (path.test(e.path) && !named.test(words)) out.push(`sets ${e.path} without saying so`);
  }
  const kinds = new Set(b.events.map((e) => e.kind));
  if (kinds.size > 1) for (const k of kinds) if (!KIND_WORDS[k]?.test(words)) out.push(`its ${k} event is not named`);
  return out;
}

describe('lesson buttons are biology, not shortcuts', () => {
  it('catches a surgery that also closes the vessel and speeds up decay', () => {
    const old: Button = {
      label: 'Surgery: remove the tumour',
      help: 'removes every tumour cell',
      events: [
        { kind: 'removeCells' },
        { kind: 'set', path: 'tissues.site.vessels.0.entryPerMinute' },
        { kind: 'set', path: 'tissues.site.halfLifeHours' },
      ],
    };
    expect(hiddenChanges(old)).toEqual(['sets tissues.site.vessels.0.entryPerMinute without saying so', 'sets tissues.site.halfLifeHours without saying so']);
    // Saying it makes it honest: the same events with help that names them.
    expect(hiddenChanges({ ...old, help: 'removes every tumour cell, closes the vessel and makes the tissue clear vesicles faster' })).toEqual([]);
  });

  for (const s of lessons()) {
    it(`${s.id}: every button says all it changes`, () => {
      for (const b of s.lesson?.interventions ?? []) expect(hiddenChanges(b as Button), b.label).toEqual([]);
    });
  }
});
