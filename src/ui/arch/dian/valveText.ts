/**
 * What the DIAN's gate valve says. Stepping (or paused, or in slow motion) it shows the step just taken: open with
 * its g, or closed. Playing faster it shows one steady aggregate of the gate trace (the last GATE_TRACE_LENGTH
 * training steps the engine recorded, fewer right after a load): the share of those steps it was open on and the
 * mean g over them, so the label does not flicker between an open and a closed step at every frame.
 */
import { SPEEDS } from '../../../experiment';

/** The slowest speed whose frames are summarised: at 'slow' (10 steps/s) and below every step can be followed. */
export const AGGREGATE_FROM_SPEED = SPEEDS.findIndex((s) => s.stepsPerSecond > 10);

export interface GateWindow {
  /** Training steps in the trace (at most its length; fewer before that many were taken). */
  steps: number;
  /** Of those, the steps the gate was open on. */
  opens: number;
  /** Mean g over the open ones (0 when none). */
  meanG: number;
}

/** The trace's steps up to `step` (NaN = closed): how many, how many open, and their mean g. */
export function gateWindow(trace: ArrayLike<number>, step: number): GateWindow {
  let steps = 0;
  let opens = 0;
  let sum = 0;
  for (let i = 0; i < trace.length; i++) {
    // The trace's last entry is `step`; entries before step 1 are not steps taken.
    if (step - (trace.length - 1 - i) < 1) continue;
    steps++;
    if (!Number.isNaN(trace[i])) {
      opens++;
      sum += trace[i];
    }
  }
  return { steps, opens, meanG: opens > 0 ? sum / opens : 0 };
}

/** The valve's two lines: the aggregate when summarising, else the step's own state. */
export function valveText(
  window: GateWindow,
  last: { open: boolean; g: number },
  aggregate: boolean,
): [string, string] {
  if (aggregate) {
    const share = window.steps > 0 ? Math.round((100 * window.opens) / window.steps) : 0;
    return [`open ${share}% of the last ${window.steps} steps`, `mean g ${window.meanG.toFixed(2)}`];
  }
  return last.open ? ['open', `g ${last.g.toFixed(2)}`] : ['closed', ''];
}
