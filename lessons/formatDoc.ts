// docs/scenario-format.md, written from the schema itself (sim/schema.ts and lessons/schema.ts
// through zod's JSON Schema), so the reference cannot drift from what the engine accepts: every
// field's path, type, unit, range, default and meaning. `npm run docs:scenario` writes the file;
// a test fails when the committed file differs.
import { z } from 'zod';
import { ScenarioFileShape } from './scenarioFile';

interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  label?: string;
  unit?: string;
  help?: string;
  live?: boolean;
  integer?: boolean;
  kind?: string;
}

interface Row {
  path: string;
  type: string;
  unit: string;
  range: string;
  def: string;
  meaning: string;
}

/** What the structural fields (those without a label of their own) mean, by path or last key. */
const MEANING: Record<string, string> = {
  id: 'the scenario’s id, used in links, file names and --scenario',
  title: 'the title people see',
  question: 'the question the lesson asks, shown under its title',
  seed: 'the default seed of the random streams (any text)',
  limits: 'capacities of the engine’s arrays',
  signals: 'signal channels inside cells, which delivered vesicles add to',
  labels: 'address labels on vesicles (surface proteins)',
  receptors: 'receptors on cells that read labels',
  vesicleTypes: 'kinds of vesicles: their labels and cargo',
  'vesicleTypes.<id>.onBind': 'signal added to a cell when a vesicle of this kind binds it',
  'vesicleTypes.<id>.cargo': 'signal added to a cell when the vesicle’s cargo is delivered inside',
  cellTypes: 'kinds of cells',
  'cellTypes.<id>.states': 'the states a cell can be in; the first is where it starts',
  'cellTypes.<id>.release': 'what the cell releases, per vesicle kind',
  'cellTypes.<id>.release.<n>.vesicleType': 'which vesicle kind',
  'cellTypes.<id>.release.<n>.states': 'releases only in these states (all states if left out)',
  'cellTypes.<id>.transitions': 'state switches driven by a signal (or by time alone)',
  'cellTypes.<id>.transitions.<n>.from': 'the state it leaves',
  'cellTypes.<id>.transitions.<n>.to': 'the state it enters ("dead" kills the cell)',
  'cellTypes.<id>.transitions.<n>.signal': 'the signal that drives it (none: a constant rate)',
  'cellTypes.<id>.transitions.<n>.when': 'whether a high or a low signal drives it',
  'cellTypes.<id>.contactKilling': 'killing of touching cells',
  'cellTypes.<id>.contactKilling.targets': 'cell kinds it kills',
  'cellTypes.<id>.contactKilling.fromStates': 'it kills only in these states',
  'cellTypes.<id>.contactKilling.targetStates': 'it kills targets only in these states',
  affinity: 'the address book: affinity[label][receptor] from 0 to 1',
  tissues: 'flat tissue patches, each with its cells, vessels and barriers',
  'tissues.<id>.vessels': 'blood vessels: bands where vesicles enter the blood',
  'tissues.<id>.barriers': 'lines vesicles cross only with the barrier’s permeability',
  'tissues.<id>.barriers.<n>.orientation': 'which way the line runs',
  'tissues.<id>.cells': 'where cells start: placements',
  'tissues.<id>.cells.<n>.type': 'the cell kind',
  'tissues.<id>.cells.<n>.state': 'the state they start in (the kind’s first state if left out)',
  'tissues.<id>.cells.<n>.region': 'place them at random in this rectangle (the whole tissue if left out)',
  'tissues.<id>.cells.<n>.cluster': 'place them in this circle',
  blood: 'the blood: one well-mixed pool',
  events: 'interventions at given times (tick or atHours)',
  doses: 'repeated doses of vesicles',
  lesson: 'the lesson’s texts, prompts, charts and buttons',
  name: 'the name people see',
  help: 'one sentence shown on hover, focus and tap',
};

function meaningOf(path: string): string {
  const general = path.replace(/\.\d+/g, '.<n>');
  if (MEANING[general]) return MEANING[general];
  const last = general.split('.').pop() ?? '';
  return MEANING[last] ?? '';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function show(v: unknown): string {
  if (v === undefined) return '';
  const t = JSON.stringify(v);
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((x) => JSON.stringify(x)).join(' | ');
  if (n.const !== undefined) return JSON.stringify(n.const);
  if (n.type === 'integer' || n.integer) return 'whole number';
  if (n.type === 'array') return n.items?.type === 'string' ? 'list of ids' : 'list';
  if (n.type === 'object') return n.additionalProperties && typeof n.additionalProperties === 'object' ? 'map by id' : 'object';
  if (Array.isArray(n.type)) return n.type.join(' or ');
  if (n.type === 'string' && n.pattern) return 'id';
  return n.type ?? 'any';
}

function rangeOf(n: Node): string {
  const lo = n.minimum ?? n.minLength ?? n.minItems;
  const max = n.maximum ?? n.maxLength ?? n.maxItems;
  const hi = max === Number.MAX_SAFE_INTEGER ? undefined : max;
  const what = n.type === 'string' ? ' characters' : n.type === 'array' ? ' items' : '';
  if (lo === undefined && hi === undefined) return '';
  if (lo !== undefined && hi !== undefined) return `${lo}–${hi}${what}`;
  return lo !== undefined ? `≥ ${lo}${what}` : `≤ ${hi}${what}`;
}

function walk(n: Node, path: string, rows: Row[], optional: boolean): void {
  const variants = n.oneOf ?? n.anyOf;
  const meaning = (([n.label, n.help].filter(Boolean).join(': ') || meaningOf(path.replace(/ \(kind .*\)$/, ''))) + (n.live === false ? ' (set before a run only)' : '') + (optional && n.default === undefined && path ? ' (optional)' : '')).trim();
  if (variants && !n.type) {
    rows.push({ path, type: 'one of the kinds below', unit: '', range: '', def: '', meaning });
    variants.forEach((v) => {
      const kind = v.properties?.kind?.const ?? v.properties?.kind?.enum?.[0];
      walk(v, kind !== undefined ? `${path} (kind ${JSON.stringify(kind)})` : path, rows, false);
    });
    return;
  }
  if (n.type === 'object' && n.properties) {
    if (path) rows.push({ path, type: 'object', unit: '', range: '', def: '', meaning });
    for (const [k, child] of Object.entries(n.properties)) walk(child, path ? `${path}.${k}` : k, rows, !(n.required ?? []).includes(k));
    return;
  }
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object') {
    rows.push({ path, type: 'map by id', unit: '', range: '', def: show(n.default), meaning });
    walk(n.additionalProperties, `${path}.<id>`, rows, false);
    return;
  }
  if (n.type === 'array' && n.items && (n.items.type === 'object' || n.items.anyOf || n.items.oneOf)) {
    rows.push({ path, type: 'list', unit: '', range: rangeOf(n), def: show(n.default), meaning });
    walk(n.items, `${path}.<n>`, rows, false);
    return;
  }
  rows.push({ path, type: typeOf(n), unit: n.unit ?? '', range: rangeOf(n), def: show(n.default), meaning });
}

/** The rows of the reference: every field of a scenario file, in schema order. */
export function formatRows(): Row[] {
  const json = z.toJSONSchema(ScenarioFileShape, { unrepresentable: 'any', io: 'input' }) as Node;
  const rows: Row[] = [];
  walk(json, '', rows, false);
  return rows;
}

/** docs/scenario-format.md as text. */
export function scenarioFormatMarkdown(): string {
  const rows = formatRows();
  const table = (rs: Row[]) => ['| path | type | unit | range | default | meaning |', '|---|---|---|---|---|---|', ...rs.map((r) => `| \`${cell(r.path)}\` | ${cell(r.type)} | ${cell(r.unit)} | ${cell(r.range)} | ${cell(r.def)} | ${cell(r.meaning)} |`)].join('\n');
  const engine = rows.filter((r) => !r.path.startsWith('lesson.') || r.path === 'lesson.detectionLimitPerMl');
  const lesson = rows.filter((r) => r.path.startsWith('lesson.') && r.path !== 'lesson.detectionLimitPerMl');
  return `<!-- Written by \`npm run docs:scenario\` from sim/schema.ts and lessons/schema.ts (lessons/formatDoc.ts); do not edit by hand. -->
# The scenario file format

A scenario (or lesson) is one JSON file. \`cellpost validate FILE\` checks it, \`cellpost run
--scenario-file FILE\` runs it, \`cellpost rules --scenario-file FILE\` prints its rules in plain
words, and the app opens it from Lab mode. Every field below is checked on load: a wrong type, a
number out of its range or an id that is not declared is refused with its path and a message.

Paths use \`<id>\` for a key you choose (an id starts with a letter and has only letters, digits,
\`-\` or \`_\`, 40 at most) and \`<n>\` for a position in a list (from 0). The same paths are what
\`--set\`, \`--vary\` and the app's settings accept for numbers; "set before a run only" marks numbers
that change the scene's structure. A blank default means the field is required (or optional
where it says so).

## The engine's part

${table(engine)}

## The lesson's part (texts, prompts, charts, buttons)

The engine never reads these (apart from the assay's detection limit above); the app shows them,
and the tests check the numbers the texts state against runs (\`claims\`).

${table(lesson)}
`;
}
