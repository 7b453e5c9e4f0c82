// Lint rules for the whole project. sim/ must stay pure and seeded: no Math.random, clocks,
// DOM or worker globals there (docs/implementation-notes.md, "Determinism").
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
    rules: { 'no-restricted-syntax': ['error', ...impure] },
  },
  {
    files: ['src/**/*.ts', 'viz/**/*.ts', 'workers/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use a seeded stream, or crypto for new seeds' }] },
  },
);
