/**
 * The DIAN's fused frame (src/engine/core/fusedFrame.ts packs it): the forward pass of model.ts,
 *   h1 = relu(x W1 + b1);  h2 = relu(h1 W2 + b2)
 *   gate open:  e = relu(s E + be) (s = x or h1);  g = sigmoid(e G + bg);  z = h2 + g e;   closed:  z = h2
 *   y = z W3 + b3 (final relu: relu of it), the head's outputs (core/outputHead.ts)
 * with the evaluation gate for the metrics, the heatmap and the maps (layers h1, z, y, as the op path shows them),
 * and its extras: the test accuracy with the gate on and off, and g on the heatmap's grid.
 */
import type { DianSpec } from '../../../experiment';
import { dense } from '../../core/fused';
import { layeredFrame, type FusedFrame, type Rows } from '../../core/fusedFrame';
import { headMetrics } from '../../core/outputHead';

export interface DianFrameOptions extends Pick<DianSpec, 'source' | 'finalActivation'> {
  layer1: number;
  layer2: number;
  /** The output layer's width: the head's units. */
  outputs: number;
}

/** Indices of the kernels in DESIGN's order (each bias follows its kernel). */
const [W1, W2, W3, E, G] = [0, 2, 4, 6, 8];
// NaN stays NaN through relu, as in tfjs.
const relu = (v: Float64Array) => v.forEach((a, i) => (v[i] = a > 0 || Number.isNaN(a) ? a : 0));
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** The DIAN's forward pass over typed arrays: h1, z, y (and e, g when the gate is open or asked for). */
export function dianPass(o: DianFrameOptions, w: Float32Array[]) {
  const layer = (input: ArrayLike<number>, k: number, rows: number, width: number) => {
    const out = new Float64Array(rows * width);
    dense(input, w[k], w[k + 1], rows, out);
    return out;
  };
  /** g per row, from the input rows and their h1. */
  const gate = (x: ArrayLike<number>, h1: Float64Array, rows: number) => {
    const e = layer(o.source === 'x' ? x : h1, E, rows, o.layer2);
    relu(e);
    const g = layer(e, G, rows, 1).map(sigmoid);
    return { e, g };
  };
  const pass = (x: ArrayLike<number>, rows: number, open: boolean) => {
    const h1 = layer(x, W1, rows, o.layer1);
    relu(h1);
    const z = layer(h1, W2, rows, o.layer2);
    relu(z);
    if (open) {
      const { e, g } = gate(x, h1, rows);
      for (let s = 0; s < rows; s++)
        for (let j = 0; j < o.layer2; j++) z[s * o.layer2 + j] += g[s] * e[s * o.layer2 + j];
    }
    const y = layer(z, W3, rows, o.outputs);
    if (o.finalActivation === 'relu') relu(y);
    return { h1, z, y };
  };
  /** g per row, whatever the gate (the valve's read-out over the plane). */
  const gateValues = (x: ArrayLike<number>, rows: number) => {
    const h1 = layer(x, W1, rows, o.layer1);
    relu(h1);
    return gate(x, h1, rows).g;
  };
  return { pass, gateValues };
}

export const fusedDianFrame: FusedFrame<DianFrameOptions> = (o, data, weights) => {
  const { pass, gateValues } = dianPass(o, weights);
  const frame = layeredFrame((x, rows, gate) => {
    const { h1, z, y } = pass(x, rows, gate);
    return [h1, z, y];
  }, data);
  const testAccuracy = (open: boolean) =>
    open === data.gate
      ? frame.metrics[3]
      : headMetrics(data.head, pass(data.test.x, data.test.rows, open).y, data.test.y, data.test.rows)
          .accuracy;
  const grid: Rows | undefined = data.heatGrid;
  return {
    ...frame,
    extras: [
      Float32Array.of(testAccuracy(true), testAccuracy(false)),
      ...(grid ? [Float32Array.from(gateValues(grid.x, grid.rows))] : []),
    ],
  };
};
