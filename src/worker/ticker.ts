/**
 * Runs the next tick of play after a delay. A zero delay waits for the next task of the event loop
 * (src/engine/core/nextTask.ts: a MessageChannel in the worker, where nested setTimeout(0) is clamped to about
 * 5 ms per tick, which at full speed left a quarter of the time idle). Scheduling again, or cancelling, drops the
 * tick that was waiting.
 */
import { nextTask } from '../engine/core/nextTask';

export function createTicker(run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    generation++;
  };
  return {
    schedule(delay: number): void {
      cancel();
      if (delay > 0) timer = setTimeout(run, delay);
      else {
        const scheduled = generation;
        void nextTask().then(() => scheduled === generation && run());
      }
    },
    cancel,
  };
}
