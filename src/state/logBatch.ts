/**
 * The event log's lines from the engine, batched while playing: at full speed Dynamic-Live reports rewirings every
 * frame, and a log update per frame (React's render of the list, its layout and paint) was a sixth of the page's
 * main thread (issue 10: Pause waited behind it). While playing, lines wait at most BATCH_MS and go in together;
 * anything else (a step, a pause, an event that pauses training, any other message) sends them at once, in order.
 */
import type { LogEntry } from './store';

export const BATCH_MS = 250;

type Line = Omit<LogEntry, 'id'>;

export function createLogBatch(
  add: (lines: Line[]) => void,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
) {
  let waiting: Line[] = [];
  let timer: unknown;

  function flush(): void {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const lines = waiting;
    waiting = [];
    add(lines);
  }

  return {
    /** Lines to log: now, or (while playing) with the next batch. */
    add(lines: Line[], now: boolean): void {
      waiting.push(...lines);
      if (now) return flush();
      timer ??= timers.set(flush, BATCH_MS);
    },
    /** Sends the lines waiting now (before a line that must come after them). */
    flush,
  };
}
