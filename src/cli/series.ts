// The metric series of a command-line run, written out as the run goes (--csv) and emptied from
// the model after each piece, so memory stays bounded however long the run; without --csv the
// samples are simply dropped (the summaries read the model's state, not its series).
import type { Model } from '../../sim/index';
import { seriesHeader, seriesLines } from '../lab';
import type { OutputFile } from './files';

/** Most characters gathered before they are written. */
const PIECE = 1 << 20;

export class SeriesSink {
  private started = false;
  private buffer = '';

  constructor(private readonly out: OutputFile | undefined) {}

  /** Writes every sample the model holds, then empties its series. */
  drain(m: Model): void {
    const s = m.series;
    if (this.out) {
      if (!this.started) this.buffer += seriesHeader(s.names);
      this.started = true;
      const per = Math.max(1, Math.floor(PIECE / (12 * (s.names.length + 1))));
      for (let from = 0; from < s.t.length; from += per) {
        this.buffer += seriesLines(s, from, Math.min(s.t.length, from + per));
        if (this.buffer.length >= PIECE) this.flush();
      }
    }
    s.t.length = 0;
    for (const column of s.values) column.length = 0;
  }

  /** Writes what is gathered (call before committing the file). */
  flush(): void {
    this.out?.write(this.buffer);
    this.buffer = '';
  }
}
