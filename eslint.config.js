// Lint rules for the whole project. sim/ must stay pure and seeded: no Math.random, clocks,
// DOM or worker globals there (docs/implementation-notes.md, "Determinism"). Imports point one
// way — sim ← src/lab ← src/app, src/cli, workers and viz ← src/app — and type-only imports may
// cross (docs/implementation-notes.md, "Where code lives").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The language leaves the last bit of these to each engine (V8, JavaScriptCore and SpiderMonkey
// differ), so a value they make could reach the state and break "the same hash everywhere".
// + − × ÷, Math.sqrt/floor/round/abs/min/max/fround/trunc are exact and stay allowed.
const INEXACT = 'exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot';
function inexactMath(where) {
  const use = `${where} computes with sim/exactMath.ts (exp, expm1, log, pow, sin, cos): Math's transcendental functions differ in the last bit between JavaScript engines, and state hashes must not.`;
  return [
    { selector: `MemberExpression[object.name='Math'][property.name=/^(${INEXACT})$/]`, message: use },
    { selector: "MemberExpression[object.name='Math'][computed=true]", message: use },
    { selector: "VariableDeclarator[init.name='Math'], AssignmentExpression[right.name='Math']", message: use },
    { selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']", message: `${use} (x ** y is Math.pow)` },
  ];
}

const impure = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'sim/ draws randomness only from its seeded streams (sim/random.ts).' },
  { selector: "Identifier[name='Date']", message: 'sim/ must not read the clock: time is the step counter.' },
  { selector: "Identifier[name='performance']", message: 'sim/ must not read the clock: time is the step counter.' },
  { selector: "Identifier[name=/^(document|window|self|globalThis|postMessage|setTimeout|setInterval|requestAnimationFrame)$/]", message: 'sim/ runs in Node and in a worker: no DOM, worker globals or timers.' },
  ...inexactMath('sim/'),
];

/** An import of another top-level folder, at any depth of ../ (relative imports are all this project uses). */
const folder = (name) => `^(\\.\\./)+${name}(/|$)`;
const ban = (name, message, allowTypeImports = true) => ({ regex: folder(name), message, allowTypeImports });
const nodeApis = { regex: '^(node:|(fs|path|os|url|worker_threads|child_process|process)$)', message: 'src/lab/ is host-neutral: no Node APIs (the CLI brings files and threads).' };

/** Where each folder may import from; a value import across the line fails lint. */
const boundaries = [
  {
    files: ['sim/**/*.ts'],
    patterns: [ban('(src|viz|workers|lessons|test|bench|bin)', 'sim/ is the engine: it imports nothing outside sim/.', false)],
  },
  {
    files: ['lessons/**/*.ts'],
    patterns: [ban('(src|viz|workers)', 'lessons/ is data: it may import only sim/.')],
  },
  {
    files: ['src/i18n/**/*.ts'],
    patterns: [ban('(src/)?(app|cli|lab)', 'src/i18n/ is the message layer under everything: it imports nothing of the project but its catalogues.'), ban('(viz|workers|lessons)', 'src/i18n/ imports nothing of the project but its catalogues.'), nodeApis],
  },
  {
    files: ['src/lab/**/*.ts'],
    patterns: [ban('(src/)?(app|cli)', 'src/lab/ is shared by every host: it may import only sim/, src/i18n/ and lessons/.'), ban('(viz|workers)', 'src/lab/ may import only sim/, src/i18n/ and lessons/.'), nodeApis],
  },
  {
    files: ['workers/**/*.ts'],
    patterns: [ban('src/(app|cli)', 'workers/ are thin adapters: they may import sim/, src/lab/ and lessons/.'), ban('viz', 'workers/ never draw: they may import sim/, src/lab/ and lessons/.')],
  },
  {
    files: ['viz/**/*.ts'],
    patterns: [ban('src/(app|cli|lab)', 'viz/ draws what sim/ frames and scenarios hold: it may import sim/ and src/i18n/ (nothing from the app, the CLI, the workers or lessons).'), ban('(workers|lessons)', 'viz/ may import sim/ and src/i18n/ only.')],
  },
  {
    files: ['src/cli/**/*.ts'],
    patterns: [ban('(app|viz|workers)', 'src/cli/ may import sim/, src/lab/ and lessons/ (not the app, viz/ or workers/).'), ban('src/app', 'src/cli/ may not import the app.')],
  },
  {
    files: ['src/app/**/*.ts'],
    patterns: [ban('(src/)?cli', 'the app may not import the command line.'), ban('workers', 'the app starts workers by URL and imports their types only (import type).')],
  },
].map(({ files, patterns }) => ({ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } }));

export default tseslint.config(
  { ignores: ['dist/', 'dist-single/', 'node_modules/', 'coverage/', 'test-results/', 'tmp/'] },
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
  ...boundaries,
  {
    files: ['src/**/*.ts', 'viz/**/*.ts', 'workers/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use a seeded stream, or crypto for new seeds' }] },
  },
);
