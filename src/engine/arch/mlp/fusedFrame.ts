/**
 * The MLP's fused frame (src/engine/core/fusedFrame.ts packs it): the forward pass of model.ts,
 *   h_0 = x;  h_l = act(h_{l-1} K_l + b_l) for hidden l;  z = h_{L-1} K_L + b_L (the head's outputs)
 * on the training and test sets (metrics), the heatmap's grid (the head's map of z) and the neuron maps' grid
 * (every h_l).
 */
import type { Activation } from '../../../experiment';
import { dense } from '../../core/fused';
import { layeredFrame, type FusedFrame, type LayeredForward } from '../../core/fusedFrame';
import { activate } from './fusedStep';

export interface MlpFrameOptions {
  /** Widths of the layers after the input (hidden layers, then the head's outputs). */
  widths: number[];
  activation: Activation;
}

/** The MLP's forward pass over typed arrays; for logits only, two buffers take turns. */
export function mlpForward(o: MlpFrameOptions, weights: Float32Array[]): LayeredForward {
  const L = o.widths.length;
  const widest = Math.max(...o.widths);
  return (x, rows, _gate, logitsOnly) => {
    const spare = logitsOnly ? [0, 1].map(() => new Float64Array(rows * widest)) : [];
    const layers: Float64Array[] = [];
    for (let l = 0; l < L; l++) {
      const n = rows * o.widths[l];
      const out = logitsOnly ? spare[l % 2].subarray(0, n) : new Float64Array(n);
      dense(l === 0 ? x : layers[l - 1], weights[2 * l], weights[2 * l + 1], rows, out);
      if (l < L - 1) activate(o.activation, out, out);
      layers.push(out);
    }
    return layers;
  };
}

export const fusedMlpFrame: FusedFrame<MlpFrameOptions> = (o, data, weights) => ({
  ...layeredFrame(mlpForward(o, weights), data),
  extras: [],
});
