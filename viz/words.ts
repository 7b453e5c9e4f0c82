// The few words the charts draw themselves (axis title, empty chart, detection line), in the
// reader's language: the app sets them once at start (setVizWords); English by default.
export interface VizWords {
  timeAxis: string;
  noData: string;
  detectionLimit: string;
  limit: string;
}

const ENGLISH: VizWords = { timeAxis: 'time (h)', noData: 'no data yet', detectionLimit: 'detection limit', limit: 'limit' };
let words: VizWords = ENGLISH;

/** Sets the words every chart drawn later uses; no argument restores English. */
export function setVizWords(next: VizWords = ENGLISH): void {
  words = next;
}

export function vizWords(): VizWords {
  return words;
}
