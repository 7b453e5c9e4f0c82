// Code the first picture does not need, loaded and run right after it: `late(start, load)` starts
// `load` (a dynamic import, so its module is not part of the first load) once `start` resolves, or
// at once when someone asks for it first (a click before it arrived). `afterFirstPicture` is the
// usual start: the first drawn frame and then an idle moment, or on a screen with no run, the
// page's load and an idle moment.
import type { Session } from './session';
import { firstPicture, pageLoaded, quietMoment } from './loadMilestones';

export interface Late<T> {
  /** The loaded value, loading it now if it has not been started yet. */
  get(): Promise<T>;
  /** Runs `fn` with the value (loading it now if need be); a failed load is reported and gives undefined. */
  use<R>(fn: (value: T) => R | Promise<R>): Promise<R | undefined>;
  /** The value once loaded, else null. */
  readonly now: T | null;
}

/** `load` runs once, when `start` resolves or at the first `get()`; a failed load is reported and may be tried again. */
export function late<T>(start: Promise<unknown>, load: () => Promise<T>, failed: (e: unknown) => void): Late<T> {
  let loading: Promise<T> | null = null;
  let value: T | null = null;
  const get = (): Promise<T> =>
    (loading ??= load().then(
      (v) => (value = v),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  void start.then(get).catch(failed);
  return {
    get,
    use: (fn) =>
      get().then(fn, (e: unknown) => {
        failed(e);
        return undefined;
      }),
    get now() {
      return value;
    },
  };
}

/** Resolves after the first drawn frame and an idle moment (a page showing a run), else after the load and an idle moment. */
export function afterFirstPicture(session: Session, showsRun: boolean): Promise<void> {
  return (showsRun ? firstPicture(session) : pageLoaded()).then(() => quietMoment(1000));
}
