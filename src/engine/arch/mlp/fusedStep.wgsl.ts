/**
 * The MLP's K training steps as one WGSL dispatch (one workgroup), the maths of fusedStep.ts:
 *   forward   a_l = h_{l-1} K_l + b_l,  h_l = act(a_l) (hidden),  z = a_L (logit)
 *   backward  d_L = (sigmoid(z) - t) / B;  d_{l-1} = d_l K_l^T * act'(a_{l-1})   (all with the weights before
 *             the step's update)
 *   update    per weight: g = h_{l-1}^T d_l (kernel) or sum d_l (bias), + R' for kernels, then the optimizer
 *             (src/engine/core/webgpu/trainingCode.ts); each invocation updates its own weights, no gradient
 *             array is kept
 * and the heatmap: one invocation per grid row, the same forward pass, sigmoid of the logit.
 */
import { f32, workgroupFor } from '../../core/webgpu/program';
import { offsets, shared, type WgslShaders } from '../../core/webgpu/shader';
import { ACTIVATION_CODE, planTraining, stateCode, stateLayout } from '../../core/webgpu/trainingCode';
import type { FusedMlpOptions } from './fusedStep';

/** act(a) and act'(a) from h = act(a) and a, as WGSL expressions. */
const ACT = {
  tanh: { f: (a: string) => `tanhOf(${a})`, slope: (h: string) => `(1.0 - ${h} * ${h})` },
  relu: { f: (a: string) => `reluOf(${a})`, slope: (_h: string, a: string) => `reluSlope(${a})` },
  sigmoid: { f: (a: string) => `sigmoidOf(${a})`, slope: (h: string) => `(${h} * (1.0 - ${h}))` },
  linear: { f: (a: string) => a, slope: () => '1.0' },
};

/** The weights' sizes and offsets: [K_1, b_1, K_2, b_2, ...]. */
function shape(o: FusedMlpOptions) {
  const ins = [o.inputWidth, ...o.widths.slice(0, -1)];
  const sizes = o.widths.flatMap((w, l) => [ins[l] * w, w]);
  const at = offsets(sizes);
  return {
    ins,
    K: o.widths.map((_, l) => at[2 * l]),
    b: o.widths.map((_, l) => at[2 * l + 1]),
    count: sizes,
  };
}

export const MLP_SHADERS: WgslShaders<FusedMlpOptions> = {
  training(o, B, budget) {
    const { ins, K, b, count } = shape(o);
    const L = o.widths.length;
    const layout = stateLayout(
      count.reduce((s, n) => s + n, 0),
      o.optimizer,
    );
    const wg = workgroupFor(Math.max(...o.widths.map((w, l) => B * Math.max(w, ins[l])), ...count));
    // Deltas first: they are read most (by every weight's gradient); then activations.
    const arrays = [
      ...o.widths.map((w, l) => ({ name: `d${l}`, size: B * w })),
      ...o.widths.flatMap((w, l) => [
        { name: `a${l}`, size: B * w },
        ...(l < L - 1 ? [{ name: `h${l}`, size: B * w }] : []),
      ]),
    ];
    const plan = planTraining(layout, arrays, budget);
    const { f, slope } = ACT[o.activation];
    const W = (i: string) => plan.at('W', i);
    /** h_l[s, i] (layer -1: the batch's input rows). */
    const H = (l: number, s: string, i: string) =>
      l < 0
        ? `trainX[batches[base + ${s}] * ${o.inputWidth} + ${i}]`
        : plan.at(`h${l}`, `${s} * ${o.widths[l]} + ${i}`);
    const forward = o.widths.map((n, l) =>
      shared(
        B * n,
        wg,
        `let s = e / ${n}; let j = e % ${n};
         var a = ${W(`${b[l]} + j`)};
         for (var k = 0; k < ${ins[l]}; k++) { a = a + ${H(l - 1, 's', 'k')} * ${W(`${K[l]} + k * ${n} + j`)}; }
         ${plan.at(`a${l}`, 'e')} = a;
         ${l < L - 1 ? `${plan.at(`h${l}`, 'e')} = ${f('a')};` : ''}`,
      ),
    );
    const logit = shared(
      B,
      wg,
      `${plan.at(`d${L - 1}`, 'e')} =
         (sigmoidOf(${plan.at(`a${L - 1}`, 'e')}) - trainY[batches[base + e]]) / ${f32(B)};`,
    );
    const backward = o.widths
      .map((n, l) => {
        if (l === 0) return '';
        const m = ins[l];
        return shared(
          B * m,
          wg,
          `let s = e / ${m}; let i = e % ${m};
           var v = 0.0;
           for (var j = 0; j < ${n}; j++) { v = v + ${plan.at(`d${l}`, `s * ${n} + j`)} * ${W(`${K[l]} + i * ${n} + j`)}; }
           ${plan.at(`d${l - 1}`, 'e')} = v * ${slope(plan.at(`h${l - 1}`, 'e'), plan.at(`a${l - 1}`, 'e'))};`,
        );
      })
      .reverse();
    const reg = o.regularization !== 'none';
    const update = o.widths.map(
      (n, l) =>
        shared(
          ins[l] * n,
          wg,
          `let i = e / ${n}; let j = e % ${n};
           var g = 0.0;
           for (var s = 0; s < ${B}; s++) { g = g + ${H(l - 1, 's', 'i')} * ${plan.at(`d${l}`, `s * ${n} + j`)}; }
           ${reg ? `g = g + regularizer(${W(`${K[l]} + e`)});` : ''}
           updateWeight(${K[l]} + e, g);`,
          false,
        ) +
        shared(
          n,
          wg,
          `var g = 0.0;
           for (var s = 0; s < ${B}; s++) { g = g + ${plan.at(`d${l}`, `s * ${n} + e`)}; }
           updateWeight(${b[l]} + e, g);`,
          false,
        ),
    );
    const code = `
      ${plan.declarations}
      ${ACTIVATION_CODE}
      ${stateCode(plan, layout, o, wg)}
      fn main(index : i32) {
        loadState();
        for (var step = 0; step < uniforms.gatesShape; step++) {
          let base = step * ${B};
          ${forward.join('\n')}
          ${logit}
          ${backward.join('\n')}
          ${update.join('\n')}
          workgroupBarrier();
          ${o.optimizer === 'adam' ? 'advanceBeta();' : ''}
        }
        storeState();
      }`;
    const key = `mlpTrain|${o.inputWidth}|${o.widths}|${o.activation}|${o.optimizer}|${o.regularization}|${B}|${plan.workgroupBytes}`;
    return { key, code, workgroup: wg, layout, plan };
  },

  heatmap(o) {
    const { ins, K, b } = shape(o);
    const L = o.widths.length;
    const width = Math.max(o.inputWidth, ...o.widths);
    const layers = o.widths.map((n, l) => {
      const [from, to] = l % 2 === 0 ? ['u', 'v'] : ['v', 'u'];
      const out = l < L - 1 ? ACT[o.activation].f('a') : 'a';
      return `for (var j = 0; j < ${n}; j++) {
          var a = weights[${b[l]} + j];
          for (var k = 0; k < ${ins[l]}; k++) { a = a + ${from}[k] * weights[${K[l]} + k * ${n} + j]; }
          ${to}[j] = ${out};
        }`;
    });
    const last = (L - 1) % 2 === 0 ? 'v' : 'u';
    const code = `
      ${ACTIVATION_CODE}
      fn main(index : i32) {
        if (index >= uniforms.outShape) { return; }
        var u : array<f32, ${width}>;
        var v : array<f32, ${width}>;
        for (var k = 0; k < ${o.inputWidth}; k++) { u[k] = grid[index * ${o.inputWidth} + k]; }
        ${layers.join('\n')}
        result[index] = sigmoidOf(${last}[0]);
      }`;
    return { key: `mlpHeatmap|${o.inputWidth}|${o.widths}|${o.activation}`, code };
  },
};
