/**
 * How much work one item of the engine may do: one training step, one reward, one frame. An item runs on the
 * worker's only thread, where nothing else (Pause, Reset, a heartbeat) is answered until it ends, so work that
 * could run for minutes is refused, or done another way, before it starts. Work is counted in units of about one
 * nanosecond on the project's two-core reference machine: a multiply-add in the fused kernels and the Wormhole's
 * sweeps, a fixed share of a train call in the Dynamic-Live recursion (measured: bench/RESULTS.md, "Work budget").
 */

/** The most work one item may do: about half a second on the reference machine, a few seconds when loaded. */
export const WORK_BUDGET = 5e8;

/** Roughly how long `work` units take on the reference machine, for messages. */
export const describeWork = (work: number): string => {
  const seconds = work / 1e9;
  if (!Number.isFinite(seconds) || seconds > 1e6) return 'longer than a week';
  if (seconds >= 3600) return `about ${(seconds / 3600).toPrecision(2)} hours`;
  if (seconds >= 1) return `about ${seconds.toPrecision(2)} s`;
  return `about ${Math.max(1, Math.round(seconds * 1000))} ms`;
};

/** The budget in the same words. */
export const BUDGET_TEXT = `the budget is ${describeWork(WORK_BUDGET)} per step or frame`;
