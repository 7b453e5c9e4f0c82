// Lint rules for the whole project. sim/ must stay pure and seeded: no Math.random, clocks,
// DOM or worker globals there (docs/implementation-notes.md, "Determinism").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impure = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'sim/ draws randomness only from its seeded streams (sim/random.ts).' },
  { selector: "Identifier[name='Date']", message: 'sim/ must not read the clock: time is the step counter.' },
  { selector: "Identifier[name='performance']", message: 'sim/ must not read the clock: time is the step counter.' },
  { selector: "Identifier[name=/^(document|window|self|globalThis|postMessage|setTimeout|setInterval|requestAnimationFrame)$/]", message: 'sim/ runs in Node and in a worker: no DOM, worker globals or timers.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='seedrandom'] > ObjectExpression > Property[key.name='global'][value.value=true]", message: 'never replace Math.random globally' }],
    },
  },
  {
    files: ['sim/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-syntax': ['error', ...impure],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/lessons/*', '**/src/*', '**/viz/*', '**/workers/*'], message: 'sim/ is the engine: it imports nothing from lessons/, src/, viz/ or workers/.' }] }],
    },
  },
  {
    files: ['src/**/*.ts', 'viz/**/*.ts', 'workers/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use a seeded stream, or crypto for new seeds' }] },
  },
);
