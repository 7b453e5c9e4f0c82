// The glossary's hand-written check (lessons/glossary.ts) holds the same rules as a schema would:
// it accepts the real glossary and refuses each kind of malformed entry with a message.
import { describe, expect, it } from 'vitest';
import raw from '../../lessons/glossary.json';
import { checkGlossary, GLOSSARY } from '../../lessons/glossary';

const good = { term: 'vesicle', forms: ['vesicle', 'vesicles'], text: 'A tiny bubble a cell sends out.' };

describe('glossary check', () => {
  it('accepts the built-in glossary as it is', () => {
    expect(checkGlossary(raw)).toEqual((raw as { terms: unknown[] }).terms);
    expect(GLOSSARY.length).toBeGreaterThan(10);
  });

  it('refuses a file without terms, or with more than 300', () => {
    expect(() => checkGlossary(null)).toThrow(/expected \{ about, terms/);
    expect(() => checkGlossary({ about: 'x' })).toThrow(/expected \{ about, terms/);
    expect(() => checkGlossary({ about: 'x', terms: Array(301).fill(good) })).toThrow(/at most 300/);
  });

  it.each([
    ['an empty term', { ...good, term: '' }],
    ['a term over 60 characters', { ...good, term: 'x'.repeat(61) }],
    ['no forms', { ...good, forms: [] }],
    ['13 forms', { ...good, forms: Array(13).fill('a') }],
    ['a form that is not text', { ...good, forms: ['a', 3] }],
    ['an empty text', { ...good, text: '' }],
    ['a text over 300 characters', { ...good, text: 'x'.repeat(301) }],
  ])('refuses %s, naming the entry', (_, entry) => {
    expect(() => checkGlossary({ about: 'x', terms: [good, entry] })).toThrow(/term 1 needs/);
  });
});
