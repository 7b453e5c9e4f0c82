// How the app's JavaScript is cut into files. A link to a lesson fetches the first load, then the
// scenario tools, the engine worker and the lesson's file; on HTTP/1.1 a browser opens six
// connections to a host, so every file past six waits for a round trip (docs/performance.md,
// "The first picture: fewer files on its path"). Two groups keep those waits off the path:
// everything the first load runs is one chunk beside the entry's own, and the scenario tools with
// all they import is one.
import type { Plugin } from 'vite';

/**
 * The entry (main.ts, and the page's own module that imports it) stays a chunk of its own: it awaits
 * the language's texts at its top level, and those on-demand chunks import the first load's modules;
 * were those in the entry's chunk, each would wait for the other to finish evaluating and the page
 * would never start (a link with lang=nb did not).
 */
const ENTRY = /[\\/]src[\\/]app[\\/]main\.ts$|[\\/]index\.html(\?|$)/;
/** The module whose static imports form the scenario tools' group (src/app/schemaTools.ts imports it). */
const SCHEMA_TOOLS = /[\\/]src[\\/]app[\\/]schemaToolsImpl\.ts$/;

/** Records the static import graph while the app builds; `groups` reads it when the chunks are cut. */
export function chunkGroups(): { plugin: Plugin; groups: { name: string; tags?: ['$initial']; test: (id: string) => boolean; priority: number }[] } {
  const imports = new Map<string, readonly string[]>();
  let reach: Set<string> | null = null;
  /** Every module the scenario tools import, directly or not (the graph is complete once chunks are cut). */
  const schemaTools = (): Set<string> => {
    if (reach) return reach;
    const root = [...imports.keys()].find((id) => SCHEMA_TOOLS.test(id));
    const seen = new Set<string>();
    const todo = root ? [root] : [];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...(imports.get(id) ?? []));
    }
    reach = seen;
    return seen;
  };
  return {
    plugin: {
      name: 'cellpost-chunk-groups',
      apply: 'build',
      buildStart() {
        imports.clear();
        reach = null;
      },
      moduleParsed(info) {
        imports.set(info.id, info.importedIds);
      },
    },
    groups: [
      // The first load: everything the entry imports statically (the bundler's own tag), but the entry.
      { name: 'app', tags: ['$initial'], test: (id) => !ENTRY.test(id), priority: 2 },
      // The scenario tools (zod, the schema, the engine's checks, links, run files): one file, not fourteen.
      { name: 'schemaTools', test: (id) => schemaTools().has(id), priority: 1 },
    ],
  };
}
