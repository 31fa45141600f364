/**
 * What an architecture's WGSL shaders are made of (src/engine/arch/<name>/fusedStep.wgsl.ts), and helpers for
 * writing them. A training shader runs in ONE workgroup: its invocations share each phase of a step (a dense
 * layer's outputs, a backward pass's deltas, the weights' updates) and meet at a barrier between phases; the
 * steps run one after another in the same dispatch.
 */
import type { MemoryPlan } from './program';
import type { StateLayout } from './trainingCode';

export interface TrainingShader {
  /** Everything the code depends on (the uniforms aside): tfjs caches the pipeline by it. */
  key: string;
  code: string;
  workgroup: number;
  layout: StateLayout;
  plan: MemoryPlan;
}

export interface HeatmapShader {
  key: string;
  code: string;
}

/** An architecture's shaders for options O, and the size of its weights. */
export interface WgslShaders<O> {
  training(options: O, batchSize: number, workgroupBudgetBytes: number): TrainingShader;
  /** One invocation per grid row: sigmoid of the model's logit, the gate (DIAN) given as a uniform. */
  heatmap(options: O): HeatmapShader;
}

/** A loop that shares `count` items among the workgroup's invocations, then a barrier. */
export const shared = (count: number | string, wg: number, body: string, barrier = true) => `
  for (var e = i32(localIndex); e < ${count}; e += ${wg}) { ${body} }
  ${barrier ? 'workgroupBarrier();' : ''}`;

/** Offsets of consecutive arrays of these sizes in one flat buffer. */
export function offsets(sizes: number[]): number[] {
  let at = 0;
  return sizes.map((n) => {
    const o = at;
    at += n;
    return o;
  });
}
