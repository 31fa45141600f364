/**
 * Events that can come by the thousand between two frames: Live's rewirings, and the Wormhole's training solves
 * that did not converge (when training goes on after them). The latest few go to the page one by one (the log
 * lists them, the graph animates rewirings), the rest as one count. One message and one DOM update per event
 * would stall the page at full speed.
 */
import type { EngineEvent } from '../protocol';

type Rewire = Extract<EngineEvent, { kind: 'rewire' }>;
type Solve = Extract<EngineEvent, { kind: 'solve' }>;

/** How many rewirings a frame lists one by one. */
export const LISTED_REWIRES = 8;
/** How many unconverged solves a frame lists one by one. */
export const LISTED_SOLVES = 3;

/** Keeps the latest `listed` events; counts the older ones into a summary event. */
function createCoalescer<E extends EngineEvent & { step: number }, C>(
  listed: number,
  counts: {
    zero: () => C;
    add: (c: C, e: E) => void;
    event: (c: C, fromStep: number, step: number) => EngineEvent;
  },
) {
  let latest: E[] = [];
  let elided = { n: 0, counts: counts.zero(), fromStep: 0, step: 0 };
  return {
    add(event: E): void {
      latest.push(event);
      if (latest.length <= listed) return;
      const old = latest.shift()!;
      if (elided.n === 0) elided.fromStep = old.step;
      elided.step = old.step;
      elided.n++;
      counts.add(elided.counts, old);
    },
    /** What a frame carries: the count of the elided ones (if any), then the latest, in order. */
    flush(): EngineEvent[] {
      const out: EngineEvent[] =
        elided.n > 0 ? [counts.event(elided.counts, elided.fromStep, elided.step), ...latest] : latest;
      latest = [];
      elided = { n: 0, counts: counts.zero(), fromStep: 0, step: 0 };
      return out;
    },
  };
}

export function createRewireCoalescer(listed = LISTED_REWIRES) {
  return createCoalescer<Rewire, { connects: number; disconnects: number }>(listed, {
    zero: () => ({ connects: 0, disconnects: 0 }),
    add: (c, e) => (e.change === 'connect' ? c.connects++ : c.disconnects++),
    event: (c, fromStep, step) => ({ kind: 'rewires-elided', ...c, fromStep, step }),
  });
}

/** For solves that did not pause training (a pausing one is never held back). */
type Counts = { maxIter: number; diverged: number };
export function createSolveCoalescer(listed = LISTED_SOLVES) {
  return createCoalescer<Solve, { forward: Counts; adjoint: Counts }>(listed, {
    zero: () => ({ forward: { maxIter: 0, diverged: 0 }, adjoint: { maxIter: 0, diverged: 0 } }),
    add: (c, e) => (e.stop === 'diverged' ? c[e.solve].diverged++ : c[e.solve].maxIter++),
    event: (c, fromStep, step) => ({ kind: 'solves-elided', ...c, fromStep, step }),
  });
}
