// The page's scenario tools (schemaToolsImpl.ts: settings by path, validation, share links, paired
// and cohort set-ups) load on demand: `loadSchemaTools()` starts or joins the load; `schemaTools()`
// gives them synchronously once loaded. The session loads them before any run is built, so code
// that runs on a run's `load` or `scenario` events (panels, the timeline) may call `schemaTools()`.
export type SchemaTools = typeof import('./schemaToolsImpl');

let loading: Promise<SchemaTools> | null = null;
let loaded: SchemaTools | null = null;

/** Loads the scenario tools (once; a failed load may be tried again). */
export function loadSchemaTools(): Promise<SchemaTools> {
  loading ??= import('./schemaToolsImpl').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw new Error(`the page's scenario checks could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page to try again`);
    },
  );
  return loading;
}

/** The scenario tools, already loaded (after a run was built). Throws, naming the mistake, before that. */
export function schemaTools(): SchemaTools {
  if (!loaded) throw new Error('the scenario tools are used before loadSchemaTools() finished');
  return loaded;
}
