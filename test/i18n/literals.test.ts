// The hard-coded-string checker (scripts/i18n-literals.ts), strict: it finds words for people
// written into code, leaves code-only strings alone, and finds none in src/ or viz/ (every word a
// reader sees goes through t(), or carries a reasoned i18n-exempt comment).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalsIn, readsAsWords, scan } from '../../scripts/i18n-literals';

/** Files whose user-facing text all goes through t(). */
const CONVERTED = [
  'src/app/screens/home.ts',
  'src/app/ui/header.ts',
  'src/app/ui/about.ts',
  'src/app/ui/textDialog.ts',
  'src/app/ui/transport.ts',
  'src/app/ui/notices.ts',
  'src/app/ui/undoText.ts',
  'src/app/ui/glossary.ts',
  'src/app/ui/languagePicker.ts',
  'src/app/language.ts',
  'src/app/main.ts',
  'src/app/ui/interventions.ts',
  'src/app/ui/key.ts',
  'src/app/ui/textSize.ts',
  'src/app/ui/charts.ts',
  'src/app/metricNames.ts',
  'src/app/sound/soundLayer.ts',
  'src/app/ui/runDescription.ts',
];

describe('the hard-coded-string checker', () => {
  it('finds words for people and passes over code', () => {
    const found = literalsIn(
      'x.ts',
      [
        "h('button', { type: 'button', class: 'small notice-dismiss', title: 'Dismiss message' }, 'Play');",
        "el.textContent = `Paused at ${time}`;",
        "notify('That run can no longer be brought back.');",
        "if (e.key === 'Escape') close();",
        "import { t } from '../i18n/i18n';",
        "h('p', {}, t('home.lead'));",
        "el.classList.add('visually-hidden');",
        "throw new Error('the page is missing #x');",
      ].join('\n'),
    );
    expect(found.map((l) => l.text)).toEqual(['Dismiss message', 'Play', 'Paused at ${x}', 'That run can no longer be brought back.']);
    expect(readsAsWords('lesson-title')).toBe(false);
    expect(readsAsWords('cpv-chart cpv-fill')).toBe(false);
    expect(readsAsWords('Learn')).toBe(true);
  });

  it('passes over a text marked with a reason, and only with one', () => {
    expect(literalsIn('x.ts', "// i18n-exempt: a proper name\nconst a = h('p', {}, 'Lotka Volterra');").length).toBe(0);
    expect(literalsIn('x.ts', "const a = h('p', {}, 'Lotka Volterra'); // i18n-exempt: a proper name").length).toBe(0);
    expect(literalsIn('x.ts', "// i18n-exempt:\nconst a = h('p', {}, 'Lotka Volterra');").length).toBe(1);
    expect(literalsIn('x.ts', "// Header.\n// i18n-exempt-file: the English phrasebook; bokmål has its own\nconst a = h('p', {}, 'Two words');").length).toBe(0);
  });

  it('finds nothing in the files converted to t()', () => {
    for (const f of CONVERTED) expect(literalsIn(f, readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it('finds no user-facing text outside t() anywhere in src/ and viz/', () => {
    const found = scan(process.cwd());
    expect(found.map((l) => `${l.file}:${l.line}: ${l.text}`)).toEqual([]);
  });
});
