// Which screen the address bar asks for: no lesson → the home screen; ?lesson=… (or ?bench=…) →
// that lesson, in Learn (the default) or, with &mode=lab, in Lab; ?teacher=… → the teacher page;
// ?build=… or ?scenario=… → the experiment builder, a Lab screen. Pure functions over the query.
export type Mode = 'learn' | 'lab';
export type Screen = 'home' | 'lesson' | 'teacher';

export interface Route {
  screen: Screen;
  mode: Mode;
}

export function readRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const building = q.has('build') || q.has('scenario');
  const screen: Screen = q.has('teacher') ? 'teacher' : q.has('lesson') || q.has('bench') || building ? 'lesson' : 'home';
  return { screen, mode: q.get('mode') === 'lab' || (building && q.get('mode') !== 'learn') ? 'lab' : 'learn' };
}

/** The query string `search` with the mode set (Learn, the default, leaves no trace). */
export function withMode(search: string, mode: Mode): string {
  const q = new URLSearchParams(search);
  if (mode === 'lab') q.set('mode', 'lab');
  else q.delete('mode');
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** The query string of a lesson's own link (its card on the home screen). */
export function lessonSearch(id: string): string {
  return `?${new URLSearchParams({ lesson: id }).toString()}`;
}
