// Every lesson reads at a 16-year-old's level: each text's Flesch–Kincaid grade is at most 10
// (syllables by the rule in readability.ts, glossary terms exempt), every paragraph has at most
// 60 words, and the glossary's own definitions are short and plain.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { GLOSSARY } from '../../lessons/glossary';
import { lessonTexts, reading, sentenceCount, syllables, teacherTexts, words } from './readability';

describe('the reading-grade rule', () => {
  it('counts syllables by vowel groups, with silent endings dropped', () => {
    expect(['cat', 'tumour', 'vesicle', 'release', 'immune', 'inflammation', 'table', 'cells'].map(syllables)).toEqual([1, 2, 3, 2, 2, 4, 2, 1]);
    expect(['6', '50', '100,000', '0.5'].map(syllables)).toEqual([1, 2, 3, 1]);
  });

  it('counts sentences at . ! ? but not inside numbers', () => {
    expect(sentenceCount('One. Two? Three!')).toBe(3);
    expect(sentenceCount('It halves every 2.5 hours. Then it stops')).toBe(2);
    expect(words('A — dash is not a word.')).toHaveLength(6);
  });

  it('grades plain text low and long, long-worded text high', () => {
    expect(reading('The cat sat on the mat. It was warm.').grade).toBeLessThan(2);
    expect(reading('Internalisation of extracellular vesicles necessitates receptor-mediated endocytosis, subsequently facilitating intracellular cargo redistribution throughout recipient compartments.').grade).toBeGreaterThan(20);
  });
});

describe('lesson texts', () => {
  for (const s of lessons()) {
    it(`${s.id}: every text has a reading grade of at most 10`, () => {
      for (const t of lessonTexts(s)) expect(Number(reading(t.text).grade.toFixed(1)), `${t.where}: ${t.text}`).toBeLessThanOrEqual(10);
    });
    it(`${s.id}: every teacher note reads at grade 10 or below and has at most 40 words`, () => {
      const notes = teacherTexts(s);
      expect(notes.length).toBeGreaterThan(0);
      for (const t of notes) {
        expect(Number(reading(t.text).grade.toFixed(1)), `${t.where}: ${t.text}`).toBeLessThanOrEqual(10);
        expect(words(t.text).length, `${t.where}: ${t.text}`).toBeLessThanOrEqual(40);
      }
    });
    it(`${s.id}: every paragraph (and the note on what is simplified) has at most 60 words`, () => {
      const blocks = [...(s.lesson?.paragraphs ?? []), s.lesson?.simplified ?? ''];
      for (const p of blocks) expect(words(p).length, p).toBeLessThanOrEqual(60);
    });
  }
});

describe('the glossary', () => {
  it('explains each term in one or two plain sentences', () => {
    const terms = new Set<string>();
    for (const e of GLOSSARY) {
      expect(terms.has(e.term), `${e.term} twice`).toBe(false);
      terms.add(e.term);
      expect(sentenceCount(e.text), e.term).toBeLessThanOrEqual(2);
      expect(Number(reading(e.text).grade.toFixed(1)), `${e.term}: ${e.text}`).toBeLessThanOrEqual(10);
    }
  });
});
