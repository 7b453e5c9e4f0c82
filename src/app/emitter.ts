// A minimal typed event emitter: the run session announces loads, frames and failures, and the
// UI modules subscribe to what they show.
export class Emitter<Events extends { [K in keyof Events]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();

  on<K extends keyof Events>(name: K, fn: Events[K]): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** The listeners of one event now (a copy), e.g. to tell late-mounted ones what they missed. */
  listenersOf<K extends keyof Events>(name: K): Events[K][] {
    return [...((this.listeners.get(name) ?? []) as Set<Events[K]>)];
  }

  emit<K extends keyof Events>(name: K, ...args: Parameters<Events[K]>): void {
    for (const fn of this.listeners.get(name) ?? []) (fn as (...a: Parameters<Events[K]>) => void)(...args);
  }
}
