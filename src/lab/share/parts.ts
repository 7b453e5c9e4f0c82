// What a share link may carry and hide: its length limits and the page parts a teacher can hide or
// lock. Plain constants, apart from the codec (link.ts), so the page's menus need no schema.
/** Links longer than this (whole URL, characters) leave out the event log. */
export const LINK_LIMIT = 2000;
/** Longest query string read; longer links are ignored as a whole. */
export const MAX_QUERY_CHARS = 16_384;
/** Most events and settings a link may carry. */
export const MAX_LINK_EVENTS = 2000;
export const MAX_LINK_SETTINGS = 200;

/** Parts of the page a teacher can hide in a shared link (hide=settings,seed,…). */
export const HIDEABLE = ['lesson', 'seed', 'settings', 'interventions', 'tools', 'timeline', 'runfiles', 'mode'] as const;
export type Hideable = (typeof HIDEABLE)[number];
/** Parts a teacher can lock: shown, but they cannot be changed (lock=settings,…). */
export const LOCKABLE = ['seed', 'settings', 'interventions', 'tools', 'mode'] as const;
export type Lockable = (typeof LOCKABLE)[number];
/** The screen a link opens in: Learn (the default, no trace in the link) or Lab (mode=lab). */
export type LinkMode = 'learn' | 'lab';
