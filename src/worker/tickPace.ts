/**
 * How many steps a tick of play trains, and when the next tick comes. At a set speed (steps per second): that
 * many steps per interval of at least 16 ms, but no more than fit that interval at the time a step took last (a
 * heavy network plays slower than asked rather than holding every message for seconds). At full speed:
 * as many as fit the budget at the time a step took last (at most doubling or halving from one tick to the next),
 * and the next tick at once.
 */
import { SPEEDS } from '../experiment';

/**
 * A tick at full speed trains for about this long. Pause waits behind the tick in flight: with the frame drawn
 * after it, that must fit one 16.7 ms frame. Shorter ticks cost throughput (a tick's own overhead is ~0.1 ms).
 */
export const TICK_BUDGET_MS = 3;
const MAX_STEPS_PER_TICK = 4096;
/** Slow motion and slow: every step is meant to be seen (issue 14: slow motion showed 0 -> 2 on a slow page). */
export const WATCHED_STEPS_PER_SECOND = 10;

export class TickPace {
  private stepsPerTick = 1;
  /** What one step took in the last tick (ms); unknown until a tick has been timed. */
  private msPerStep?: number;

  /** Steps of another model say nothing about this one's speed: start small again. */
  reset(): void {
    this.stepsPerTick = 1;
    this.msPerStep = undefined;
  }

  /**
   * The steps of the next tick at `speed` (an index into SPEEDS), and its interval (0 at full speed). `frameOwed`:
   * the last step's frame has not gone to the page yet (it was drawing an earlier one). At a watched speed that
   * step must be seen first: no step now, a look again in 16 ms (a slow page slows play rather than skip steps).
   */
  plan(speed: number, frameOwed = false): { steps: number; intervalMs: number } {
    const { stepsPerSecond } = SPEEDS[speed];
    if (frameOwed && stepsPerSecond <= WATCHED_STEPS_PER_SECOND) return { steps: 0, intervalMs: 16 };
    if (!Number.isFinite(stepsPerSecond)) return { steps: this.stepsPerTick, intervalMs: 0 };
    const intervalMs = Math.max(16, 1000 / stepsPerSecond);
    const asked = Math.max(1, Math.round((stepsPerSecond * intervalMs) / 1000));
    const fit = this.msPerStep ? Math.max(1, Math.floor(intervalMs / this.msPerStep)) : asked;
    return { steps: Math.min(asked, fit), intervalMs };
  }

  /**
   * After a tick that took `elapsedMs` for the `steps` it took (fewer than planned when it stopped at its budget):
   * what a step takes; at full speed also more steps next time when the tick was short, fewer when it was long.
   */
  took(elapsedMs: number, steps: number, fullSpeed: boolean): void {
    this.msPerStep = elapsedMs / steps;
    if (!fullSpeed) return;
    const fit = elapsedMs > 0 ? Math.round((steps * TICK_BUDGET_MS) / elapsedMs) : Infinity;
    const next = Math.min(steps * 2, Math.max(Math.floor(steps / 2), fit));
    this.stepsPerTick = Math.max(1, Math.min(MAX_STEPS_PER_TICK, next));
  }
}
