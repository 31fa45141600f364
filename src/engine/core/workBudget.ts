/**
 * How much work one item of the engine may do: one training step, one reward, one frame. An item runs on the
 * worker's only thread, where nothing else (Pause, Reset, a heartbeat) is answered until it ends, so work that
 * could run for minutes is refused, or done another way, before it starts. Work is counted in units of about one
 * nanosecond on the project's two-core reference machine, each architecture converting its own operations (a
 * Dynamic-Live train call, a Wormhole multiply-add) at the rate measured there (README, "Bounded work").
 */

/** The most work one item may do: about 2 s on the reference machine (when its solves run to maxIter, say). */
export const WORK_BUDGET = 2e9;

/** Roughly how long `work` units take on the reference machine, for messages. */
export const describeWork = (work: number): string => {
  const seconds = work / 1e9;
  if (!Number.isFinite(seconds) || seconds > 1e6) return 'longer than a week';
  if (seconds >= 3600) return `about ${Math.round(seconds / 3600)} hours`;
  if (seconds >= 10) return `about ${Math.round(seconds)} s`;
  if (seconds >= 1) return `about ${seconds.toFixed(1)} s`;
  return `about ${Math.max(1, Math.round(seconds * 1000))} ms`;
};

/** The budget in the same words. */
export const BUDGET_TEXT = `the budget is ${describeWork(WORK_BUDGET)} per step or frame`;
