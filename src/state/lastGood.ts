/**
 * The last good state of the running experiment, kept on the page so that a restarted engine goes on from it:
 * the weights and step of the last frame drawn (the engine sends only frames whose numbers are all finite) named
 * by the layout's weight shapes. Float32, as frames carry them; the optimizer's state is not kept.
 */
import type { Trained, WeightMap } from '../experiment';
import type { Frame, WeightShape } from '../protocol';

export function createLastGood() {
  let shapes: WeightShape[] | undefined;
  let kept: { weights: Float32Array; step: number } | undefined;
  return {
    /** A new experiment: what was kept belonged to the one before. */
    forget(): void {
      kept = undefined;
    },
    /** The layout of the loaded experiment (the frames' weights are flat in its order). */
    layout(weights: WeightShape[]): void {
      shapes = weights;
    },
    frame(frame: Frame): void {
      if (!frame.weights.every(Number.isFinite)) return;
      kept = { weights: frame.weights, step: frame.step };
    },
    /** The kept weights and step as a link carries them, if they fit the layout. */
    trained(): Trained | undefined {
      if (!kept || !shapes) return undefined;
      const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
      if (shapes.reduce((n, w) => n + size(w.shape), 0) !== kept.weights.length) return undefined;
      const weights: WeightMap = {};
      let offset = 0;
      for (const { name, shape } of shapes) {
        const n = size(shape);
        weights[name] = { shape, values: Array.from(kept.weights.subarray(offset, offset + n)) };
        offset += n;
      }
      return { weights, step: kept.step };
    },
  };
}
