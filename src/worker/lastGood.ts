/**
 * The divergence guard's memory: the weights and step of the last frame whose numbers were all finite. When a
 * frame shows NaN/Infinity in the loss or the weights, training pauses and these are put back.
 */
import type { Frame } from '../protocol';

export class LastGood {
  private kept?: { weights: Float32Array; step: number };

  /** Whether the frame's numbers show that training diverged (`alwaysHasLoss`: a missing loss is broken too). */
  static broken(frame: Frame, alwaysHasLoss: boolean): boolean {
    const m = frame.metrics;
    const lossBroken = alwaysHasLoss && ![m.trainLoss, m.testLoss].every(Number.isFinite);
    return lossBroken || !frame.weights.every(Number.isFinite);
  }

  /** Keeps the frame's weights when they are all finite (weights finite in JSON can be infinite in float32). */
  keep(frame: Frame): void {
    if (!frame.weights.every(Number.isFinite)) return;
    this.kept = { weights: frame.weights.slice(), step: frame.step };
  }

  /** What to put back; every load keeps a frame first, so there is one whenever a session is. */
  get(): { weights: Float32Array; step: number } {
    if (!this.kept) throw new Error('No finite weights to go back to.');
    return this.kept;
  }
}
