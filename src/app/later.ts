// Work that may wait a moment (chart redraws, the blood panel, distance profiles): each job runs
// in a task of its own after the current one, one job per task, so a frame's drawing, the
// worker's answer and the charts never add up to one long task that makes the page stutter.
// Jobs with the same key are merged (only the latest version runs), and a job may ask for a
// minimum gap between two runs of its key (charts redraw a few times a second while playing).
const jobs = new Map<string, () => void>();
const waiting = new Map<string, { fn: () => void; timer: ReturnType<typeof setTimeout> }>();
const lastRun = new Map<string, number>();
let posted = false;
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;

function post(): void {
  posted = true;
  if (channel) channel.port2.postMessage(0);
  else setTimeout(runOne, 0);
}

function queue(key: string, fn: () => void): void {
  jobs.delete(key);
  jobs.set(key, fn);
  if (!posted) post();
}

function runOne(): void {
  posted = false;
  const first = jobs.entries().next();
  if (first.done) return;
  const [key, fn] = first.value;
  jobs.delete(key);
  lastRun.set(key, performance.now());
  try {
    fn();
  } finally {
    if (jobs.size > 0 && !posted) post();
  }
}

if (channel) channel.port1.onmessage = runOne;

/**
 * Runs `fn` soon in a task of its own; a job queued earlier under the same key is replaced.
 * With `minGapMs`, it waits until that long after the key's previous run (0: as soon as possible).
 */
export function later(key: string, fn: () => void, minGapMs = 0): void {
  const held = waiting.get(key);
  const wait = minGapMs > 0 ? (lastRun.get(key) ?? -Infinity) + minGapMs - performance.now() : 0;
  if (wait <= 0) {
    if (held) {
      clearTimeout(held.timer);
      waiting.delete(key);
    }
    queue(key, fn);
    return;
  }
  if (held) {
    held.fn = fn;
    return;
  }
  if (jobs.has(key)) {
    jobs.set(key, fn);
    return;
  }
  const entry = {
    fn,
    timer: setTimeout(() => {
      waiting.delete(key);
      queue(key, entry.fn);
    }, wait),
  };
  waiting.set(key, entry);
}

/** Jobs queued or waiting for their gap (for tests and the speed figures). */
export function laterPending(): number {
  return jobs.size + waiting.size;
}
