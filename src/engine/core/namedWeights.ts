/** Reading and writing a model's named weights (docs/DESIGN.md section 4), shared by the gradient-trained sessions. */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../../experiment';
import { SpecError } from './specError';
import type { NamedWeight } from './model';

export async function exportNamed(weights: NamedWeight[]): Promise<WeightMap> {
  const out: WeightMap = {};
  for (const { name, variable } of weights)
    out[name] = { shape: variable.shape, values: Array.from(await variable.data()) };
  return out;
}

/** Sets every named weight; refuses (changing nothing) a missing name, a wrong shape or a value not finite. */
export function importNamed(weights: NamedWeight[], map: WeightMap): void {
  for (const { name, variable } of weights) {
    const w = map[name];
    if (!w || w.shape.join('x') !== variable.shape.join('x') || w.values.length !== variable.size)
      throw new SpecError(`weight ${name} must have shape [${variable.shape.join(', ')}]`);
    if (!w.values.every(Number.isFinite))
      throw new SpecError(`weight ${name} has a value that is not finite`);
  }
  for (const { name, variable } of weights)
    tf.tidy(() => variable.assign(tf.tensor(map[name].values, variable.shape)));
}

/** Sets the weights from one flat array in their order (as snapshots hold them). */
export function assignFlat(weights: NamedWeight[], flat: Float32Array): void {
  let offset = 0;
  for (const { variable } of weights) {
    const values = flat.subarray(offset, offset + variable.size);
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
    offset += variable.size;
  }
}

/** Gradients by tfjs variable name as a WeightMap; a weight outside the graph has gradient zero. */
export async function gradientMap(weights: NamedWeight[], grads: tf.NamedTensorMap): Promise<WeightMap> {
  const out: WeightMap = {};
  for (const { name, variable } of weights) {
    const g = grads[variable.name];
    out[name] = {
      shape: variable.shape,
      values: g ? Array.from(await g.data()) : new Array(variable.size).fill(0),
    };
  }
  return out;
}
