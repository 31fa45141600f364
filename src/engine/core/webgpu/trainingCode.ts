/**
 * WGSL that every fused training shader shares: the layout of its state, loading and storing it, R' and the
 * optimizers, the same float32 arithmetic as src/engine/core/fused.ts:
 *   R'         l1: rate * (w > 0 ? 1 : -1);  l2: rate * w
 *   sgd        w -= lr g
 *   momentum   v = 0.9 v + g,  w -= lr v
 *   adam       m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,
 *              w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps),  then b1^t *= b1, b2^t *= b2
 * State, in the input `prev` and at the start of the output `result` alike (floats):
 *   [weights (NW) | optimizer slots (0, 1 or 2 times NW) | b1^t, b2^t | scratch | one value per step]
 * Each invocation keeps its own copy of b1^t and b2^t (all advance them alike), so no barrier guards them.
 */
import type { OptimizerKind, Regularization } from '../../../experiment';
import { ADAM_BETA1, ADAM_BETA2, MOMENTUM } from '../fused';
import { f32, planMemory, type MemoryPlan } from './program';

export interface StateLayout {
  /** Floats of weights. */
  weights: number;
  slots: number;
  /** Offset of b1^t, b2^t. */
  beta: number;
  /** Where scratch space starts. */
  scratch: number;
}

export const slotCount = (optimizer: OptimizerKind) =>
  optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;

export function stateLayout(weightCount: number, optimizer: OptimizerKind): StateLayout {
  const slots = slotCount(optimizer);
  const beta = weightCount * (1 + slots);
  return { weights: weightCount, slots, beta, scratch: beta + 2 };
}

/** What the shader generators need to know of the training options (the rest are uniforms). */
export interface ShaderTraining {
  optimizer: OptimizerKind;
  regularization: Regularization;
}

/** The uniforms every training shader takes, in order, and their values. */
export const TRAINING_UNIFORMS = 'lr : f32, rate : f32, eps : f32,';
export const trainingUniforms = (o: { learningRate: number; regularizationRate: number; epsilon: number }) =>
  [o.learningRate, o.regularizationRate, o.epsilon].map((v) => ({ type: 'float32' as const, data: [v] }));

/**
 * Plans the memory of a training shader: the weights and the optimizer's slots first (workgroup memory while
 * they fit, else their place in the output), then the step's arrays (workgroup memory while they fit, else
 * scratch space in the output).
 */
export function planTraining(
  layout: StateLayout,
  activations: { name: string; size: number }[],
  budgetBytes: number,
): MemoryPlan {
  const state = [{ name: 'W', size: layout.weights, home: 0 }];
  for (let s = 0; s < layout.slots; s++)
    state.push({ name: `S${s}`, size: layout.weights, home: layout.weights * (1 + s) });
  return planMemory([...state, ...activations], budgetBytes, layout.scratch);
}

/** Module-scope WGSL: b1^t and b2^t, R', the optimizer step on weight i, and loading and storing the state. */
export function stateCode(plan: MemoryPlan, layout: StateLayout, t: ShaderTraining, wg: number): string {
  const W = (i: string) => plan.at('W', i);
  const S = (s: number, i: string) => plan.at(`S${s}`, i);
  const reg =
    t.regularization === 'l1'
      ? 'return select(-uniforms.rate, uniforms.rate, w > 0.0);'
      : t.regularization === 'l2'
        ? 'return uniforms.rate * w;'
        : 'return 0.0;';
  const step = {
    sgd: () => `${W('i')} = ${W('i')} - uniforms.lr * g;`,
    momentum: () => `
      let v = ${f32(MOMENTUM)} * ${S(0, 'i')} + g;
      ${S(0, 'i')} = v;
      ${W('i')} = ${W('i')} - uniforms.lr * v;`,
    adam: () => `
      let m = ${f32(ADAM_BETA1)} * ${S(0, 'i')} + ${f32(1 - ADAM_BETA1)} * g;
      let v = ${f32(ADAM_BETA2)} * ${S(1, 'i')} + ${f32(1 - ADAM_BETA2)} * g * g;
      ${S(0, 'i')} = m;
      ${S(1, 'i')} = v;
      ${W('i')} = ${W('i')} - (uniforms.lr * (m / (1.0 - b1t))) / (sqrt(v / (1.0 - b2t)) + uniforms.eps);`,
  }[t.optimizer]();
  // Weights and slots: loaded from `prev` into where they live (workgroup memory, or their place in the output),
  // stored from workgroup memory into the output (in place they are there already).
  const arrays = ['W', ...Array.from({ length: layout.slots }, (_, s) => `S${s}`)].map((name, k) => ({
    name,
    offset: layout.weights * k,
    workgroup: plan.arrays[name].workgroup,
  }));
  const each = (body: string) =>
    `for (var i = i32(localIndex); i < ${layout.weights}; i += ${wg}) { ${body} }`;
  const load = arrays.map((a) => each(`${plan.at(a.name, 'i')} = prev[${a.offset} + i];`));
  const store = arrays
    .filter((a) => a.workgroup)
    .map((a) => each(`result[${a.offset} + i] = ${plan.at(a.name, 'i')};`));
  return `
    var<private> b1t : f32;
    var<private> b2t : f32;

    /** R'(w) of a kernel weight. */
    fn regularizer(w : f32) -> f32 { ${reg} }

    /** One optimizer step on weight i with gradient g. */
    fn updateWeight(i : i32, g : f32) { ${step} }

    /** After every weight's update: Adam's b1^t and b2^t advance (tfjs advances them on every step). */
    fn advanceBeta() {
      b1t = b1t * ${f32(ADAM_BETA1)};
      b2t = b2t * ${f32(ADAM_BETA2)};
    }

    fn loadState() {
      // Every input must be used, or tfjs's bind group does not match the pipeline's layout.
      _ = gates[0];
      b1t = prev[${layout.beta}];
      b2t = prev[${layout.beta + 1}];
      ${load.join('\n')}
      workgroupBarrier();
    }

    fn storeState() {
      workgroupBarrier();
      ${store.join('\n')}
      if (localIndex == 0u) {
        result[${layout.beta}] = b1t;
        result[${layout.beta + 1}] = b2t;
      }
    }
  `;
}

/** WGSL activation functions as tfjs's WebGPU backend writes them (NaN stays NaN through relu). */
export const ACTIVATION_CODE = `
  fn sigmoidOf(a : f32) -> f32 { return 1.0 / (1.0 + exp(-1.0 * a)); }
  fn tanhOf(a : f32) -> f32 {
    let e2x = exp(-2.0 * abs(a));
    return sign(a) * (1.0 - e2x) / (1.0 + e2x);
  }
  fn isNan(a : f32) -> bool { return !(a < 0.0 || a >= 0.0); }
  fn reluOf(a : f32) -> f32 { return select(0.0, a, a > 0.0 || isNan(a)); }
  /** relu's gradient as tfjs takes it: [a > 0] (NaN for NaN). */
  fn reluSlope(a : f32) -> f32 { return select(select(0.0, 1.0, a > 0.0), a, isNan(a)); }
`;
