// The engine's modules import one another without cycles (type-only imports aside, as they
// vanish at run time), so every module is fully loaded before anything that uses it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIM = resolve(dirname(fileURLToPath(import.meta.url)), '../../sim');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

/** The sim/ modules a file imports or re-exports at run time (relative paths, resolved to files). */
export function valueImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)) {
    if (m[2]) continue;
    const names = /^\{([^}]*)\}$/.exec(m[3].trim());
    if (names && names[1].split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    const target = resolve(dirname(file), m[4]);
    const candidates = [`${target}.ts`, join(target, 'index.ts')];
    const hit = candidates.find((c) => c.startsWith(SIM) && tsFiles(dirname(c)).includes(c));
    if (hit) out.push(hit);
  }
  return out;
}

/** One import cycle among the files, as a list of paths, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f];
    state.set(f, 'open');
    path.push(f);
    for (const g of graph.get(f) ?? []) {
      const c = visit(g);
      if (c) return c;
    }
    path.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

describe('sim/ imports', () => {
  it('form no cycle', () => {
    const graph = new Map(tsFiles(SIM).map((f) => [f, valueImports(f, readFileSync(f, 'utf8'))]));
    expect(graph.size).toBeGreaterThan(20);
    expect([...graph.values()].flat().length).toBeGreaterThan(20);
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(SIM, f)).join(' → ') ?? null).toBeNull();
  });

  it('are told apart from type-only imports', () => {
    const f = join(SIM, 'step.ts');
    expect(valueImports(f, "import type { Model } from './model';\nimport { type Rule } from './rule';")).toEqual([]);
    expect(valueImports(f, "import { applyDue } from './events';\nexport { RULES } from './rules/index';")).toEqual([join(SIM, 'events.ts'), join(SIM, 'rules/index.ts')]);
  });
});
