// The builder's field messages: a number out of its range, not whole, or a text left empty is
// said with the builder's own name for the field, its unit in the reader's language and the
// number written the language's way ("0,1 t" in bokmål); other schema messages pass unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { fieldProblem, rangeProblem } from '../../src/app/screens/builder/fields';
import { fieldNumber, unitWord } from '../../src/app/screens/builder/messages';
import { setLanguage } from '../../src/i18n/i18n';

afterEach(() => setLanguage('en'));

describe('builder field messages', () => {
  it('rewords the schema’s range, whole-number and length messages with the field’s name', () => {
    expect(fieldProblem('cell radius must be at most 50 µm', 'Radius', 'µm')).toBe('Radius must be at most 50 µm');
    expect(fieldProblem('Too small: expected number to be >=0.1', 'Run length', 'h')).toBe('Run length must be at least 0.1 h');
    expect(fieldProblem('cells must be a whole number', 'How many')).toBe('How many must be a whole number');
    expect(fieldProblem('Too small: expected string to have >=1 characters', 'Name')).toBe('Name cannot be empty');
    expect(fieldProblem('Too big: expected string to have <=300 characters', 'Question it asks')).toBe('Question it asks can be 300 characters at most');
    expect(fieldProblem('unknown metric "x"', 'Metrics')).toBe('unknown metric "x"');
  });

  it('checks a number against its range before the schema does', () => {
    const range = { min: 0.1, max: 1000, integer: false };
    expect(rangeProblem(0.05, 'Run length', 'h', range)).toBe('Run length must be at least 0.1 h');
    expect(rangeProblem(5000, 'Run length', 'h', range)).toBe('Run length must be at most 1,000 h');
    expect(rangeProblem(12, 'Run length', 'h', range)).toBeNull();
    expect(rangeProblem(2.5, 'Steepness', '', { min: 1, max: 8, integer: true })).toBe('Steepness must be a whole number');
    expect(rangeProblem(0, 'Steepness', '', { min: 1, max: 8 })).toBe('Steepness must be at least 1');
  });

  it('in bokmål: the words, units and numbers', async () => {
    await setLanguage('nb');
    expect(unitWord('h')).toBe('t');
    expect(unitWord('/h')).toBe('/t');
    expect(unitWord('µm')).toBe('µm');
    expect(fieldNumber(0.05)).toBe('0,05');
    expect(rangeProblem(0.05, 'Kjøretid', unitWord('h'), { min: 0.1, max: 1000 })).toBe('Kjøretid må være minst 0,1 t');
    expect(rangeProblem(20000, 'Bredde', 'µm', { min: 20, max: 12000 })).toBe('Bredde kan være høyst 12\u202f000 µm');
    expect(fieldProblem('Too small: expected string to have >=1 characters', 'Navn')).toBe('Navn kan ikke være tomt');
  });
});
