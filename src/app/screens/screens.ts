// The page's screens: home (the lesson cards) or a lesson, and the lesson's mode, Learn or Lab.
// Written onto <html data-screen data-mode> (the stylesheet lays each out) and told to listeners;
// the address bar is main.ts's business.
import type { Mode, Screen } from './route';

export class Screens {
  screen: Screen;
  mode: Mode;
  private fns: ((screen: Screen, mode: Mode) => void)[] = [];

  constructor(screen: Screen, mode: Mode) {
    this.screen = screen;
    this.mode = mode;
    this.write();
  }

  show(screen: Screen, mode: Mode = this.mode): void {
    if (screen === this.screen && mode === this.mode) return;
    this.screen = screen;
    this.mode = mode;
    this.write();
    for (const fn of this.fns) fn(screen, mode);
  }

  onChange(fn: (screen: Screen, mode: Mode) => void): void {
    this.fns.push(fn);
  }

  private write(): void {
    document.documentElement.dataset.screen = this.screen;
    document.documentElement.dataset.mode = this.mode;
  }
}
