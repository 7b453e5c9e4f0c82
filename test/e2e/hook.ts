// The shape of the app's read-only test hook (window.cellpost, see src/testHook.ts), declared
// here for the browser tests, which do not compile the app's sources.
export interface StatsReport {
  drawFps: number;
  framesPerSecond: number;
  simHoursPerSecond: number;
  stepMs: number;
  drawMs: number;
  vesicles: number;
  cells: number;
}

export interface CellpostHook {
  hash(): Promise<string>;
  tick(): Promise<number>;
  stepN(n: number): Promise<number>;
  ready(): boolean;
  stats(): StatsReport;
  crash(): Promise<void>;
  cellAt(i: number): { id: number; clientX: number; clientY: number } | null;
}

declare global {
  interface Window {
    readonly cellpost: CellpostHook;
  }
}
