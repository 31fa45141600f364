/**
 * The event log's lines from the engine, batched while playing: at full speed Dynamic-Live reports rewirings every
 * frame, and a log update per frame (React's render of the list, its layout and paint) was a sixth of the page's
 * main thread (issue 10: Pause waited behind it). While playing, and after Pause until its frame, lines wait at
 * most BATCH_MS and go in together; a line sent now (a step's, an event that pauses training, the page's own) takes
 * the waiting ones in before it, and so does any message but those in LOGS_NOTHING (a load, an error, a refusal).
 * Lines the rest of the page logs straight into the store (a copied link) can come before held ones.
 */
import type { FromEngine } from '../protocol';
import type { LogEntry } from './store';

export const BATCH_MS = 250;

/**
 * Messages that do not send the held lines in first: those that come many times a second while playing ('events'
 * go through the batch themselves), and Pause's answer.
 */
export const LOGS_NOTHING = new Set<FromEngine['type']>([
  'events',
  'frame',
  'checkpoints',
  'pong',
  'comparison',
  // Pause's answer reaches the step counter first; the lines held go in with their batch (drawing them took
  // 3-8 ms, measured, between the click and the counter).
  'stopped',
]);

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
