/**
 * Live's rewiring events between two frames: the latest few go to the page one by one (the log lists them and the
 * graph animates them), the rest as one count. At full speed a frame can carry thousands; one message and one DOM
 * update per event would stall the page.
 */
import type { EngineEvent } from '../protocol';

type Rewire = Extract<EngineEvent, { kind: 'rewire' }>;

/** How many rewirings a frame lists one by one. */
export const LISTED_REWIRES = 8;

export function createRewireCoalescer(listed = LISTED_REWIRES) {
  let latest: Rewire[] = [];
  let elided = { connects: 0, disconnects: 0, fromStep: 0, step: 0 };
  return {
    add(event: Rewire): void {
      latest.push(event);
      if (latest.length <= listed) return;
      const old = latest.shift()!;
      if (elided.connects + elided.disconnects === 0) elided.fromStep = old.step;
      elided.step = old.step;
      if (old.change === 'connect') elided.connects++;
      else elided.disconnects++;
    },
    /** What a frame carries: the count of the elided ones (if any), then the latest, in order. */
    flush(): EngineEvent[] {
      const out: EngineEvent[] =
        elided.connects + elided.disconnects > 0
          ? [{ kind: 'rewires-elided', ...elided }, ...latest]
          : latest;
      latest = [];
      elided = { connects: 0, disconnects: 0, fromStep: 0, step: 0 };
      return out;
    },
  };
}
