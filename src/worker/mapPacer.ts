/**
 * How often a frame carries maps (the 100x100 heatmap, the neuron maps, the Wormhole's grid of solves) while
 * playing: as often as keeps what they cost at most MAP_SHARE of the worker's time, measured, not guessed:
 *   cost c  = mean time of a frame with maps - mean time of a frame without   (exponential means)
 *   due     when now - (start of the last frame with maps) >= min(MAX_MAP_GAP_MS, c / MAP_SHARE)
 * so maps every T = c / MAP_SHARE ms take c / T = MAP_SHARE of the time; cheap maps come with every frame, and
 * costly ones at least every MAX_MAP_GAP_MS (the map never freezes for long; there the share can be more). Until
 * a frame without maps has been timed, the whole frame with maps counts as their cost.
 */
export const MAP_SHARE = 0.1;
export const MAX_MAP_GAP_MS = 2000;
/** Weight of the newest time in the means (about the last few frames of each kind). */
const SMOOTHING = 0.25;

export class MapPacer {
  private withMaps?: number;
  private without?: number;
  private lastMapAt = -Infinity;

  /** What maps add to a frame, in ms, as measured so far (0 before any frame). */
  get cost(): number {
    if (this.withMaps === undefined) return 0;
    return Math.max(0, this.withMaps - (this.without ?? 0));
  }

  /** The time between frames with maps that keeps them at their share. */
  get interval(): number {
    return Math.min(MAX_MAP_GAP_MS, this.cost / MAP_SHARE);
  }

  /** Should the frame starting now carry maps? */
  due(now: number): boolean {
    return now - this.lastMapAt >= this.interval;
  }

  /** A frame started at `startedAt` and took `ms`, with maps or without. */
  record(withMaps: boolean, startedAt: number, ms: number): void {
    const mean = (old: number | undefined) => (old === undefined ? ms : old + SMOOTHING * (ms - old));
    if (withMaps) {
      this.withMaps = mean(this.withMaps);
      this.lastMapAt = startedAt;
    } else this.without = mean(this.without);
  }

  /** Another network: its maps cost something else. */
  reset(): void {
    this.withMaps = this.without = undefined;
    this.lastMapAt = -Infinity;
  }
}
