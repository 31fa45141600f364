/**
 * The DIAN's K training steps as one WGSL dispatch (one workgroup), the maths of fusedStep.ts:
 *   forward   h1 = relu(x W1 + b1);  h2 = relu(h1 W2 + b2)
 *             open gate:  e = relu(s E + be) (s = x or h1);  g = sigmoid(e G + bg);  z = h2 + g e;  closed: z = h2
 *             y = z W3 + b3 (final relu: relu of it)
 *   backward  dy = (sigmoid(y) - t) / B [a3 > 0 if final relu];  dz = dy W3^T
 *             open: dag = (sum_j dz_j e_j) g (1 - g);  de = (dag G^T + dz g) [ae > 0]
 *             dz <- dz [a2 > 0];  dh1 = (dz W2^T (+ de E^T when s = h1)) [a1 > 0]
 *   update    per weight from the deltas (all taken with the weights before the update); on a closed step E, be,
 *             G, bg are outside the graph: no gradient, no R', no update; Adam's b^t advance on every step
 *   trace     an open step's value is the batch's mean g after its update (closed: NaN)
 * and the heatmap: one invocation per grid row, the forward pass with the gate given, sigmoid of y.
 */
import { f32, workgroupFor } from '../../core/webgpu/program';
import { offsets, shared, type WgslShaders } from '../../core/webgpu/shader';
import { ACTIVATION_CODE, planTraining, stateCode, stateLayout } from '../../core/webgpu/trainingCode';
import type { FusedDianOptions } from './fusedStep';

function shape(o: FusedDianOptions) {
  const [n0, n1, n2] = [o.inputWidth, o.layer1, o.layer2];
  const ns = o.source === 'x' ? n0 : n1;
  // DESIGN's order: W1, b1, W2, b2, W3, b3, E, be, G, bg.
  const sizes = [n0 * n1, n1, n1 * n2, n2, n2, 1, ns * n2, n2, n2, 1];
  const [W1, B1, W2, B2, W3, B3, E, BE, G, BG] = offsets(sizes);
  return { n0, n1, n2, ns, sizes, W1, B1, W2, B2, W3, B3, E, BE, G, BG };
}

export const DIAN_SHADERS: WgslShaders<FusedDianOptions> = {
  training(o, B, budget) {
    const d = shape(o);
    const { n0, n1, n2, ns } = d;
    const layout = stateLayout(
      d.sizes.reduce((s, n) => s + n, 0),
      o.optimizer,
    );
    const wg = workgroupFor(Math.max(B * Math.max(n1, n2, n0), ...d.sizes));
    const plan = planTraining(
      layout,
      [
        ['dz', n2],
        ['de', n2],
        ['dh1', n1],
        ['dy', 1],
        ['dag', 1],
        ['h1', n1],
        ['e', n2],
        ['z', n2],
        ['g', 1],
        ['a1', n1],
        ['a2', n2],
        ['ae', n2],
        ['a3', 1],
      ].map(([name, w]) => ({ name: name as string, size: B * (w as number) })),
      budget,
    );
    const W = (i: string | number) => plan.at('W', String(i));
    const A = (name: string, i: string) => plan.at(name, i);
    const X = (s: string, i: string) => `trainX[batches[base + ${s}] * ${n0} + ${i}]`;
    const S = (s: string, i: string) => (o.source === 'x' ? X(s, i) : A('h1', `${s} * ${n1} + ${i}`));
    const dense = (n: number, m: number, input: (s: string, k: string) => string, K: number, b: number) =>
      `let s = e / ${n}; let j = e % ${n};
       var a = ${W(`${b} + j`)};
       for (var k = 0; k < ${m}; k++) { a = a + ${input('s', 'k')} * ${W(`${K} + k * ${n} + j`)}; }`;
    const layer1 = shared(
      B * n1,
      wg,
      `${dense(n1, n0, X, d.W1, d.B1)} ${A('a1', 'e')} = a; ${A('h1', 'e')} = reluOf(a);`,
    );
    const extraPath =
      shared(B * n2, wg, `${dense(n2, ns, S, d.E, d.BE)} ${A('ae', 'e')} = a; ${A('e', 'e')} = reluOf(a);`) +
      shared(
        B,
        wg,
        `var a = ${W(d.BG)};
         for (var k = 0; k < ${n2}; k++) { a = a + ${A('e', `e * ${n2} + k`)} * ${W(`${d.G} + k`)}; }
         ${A('g', 'e')} = sigmoidOf(a);`,
      );
    const finalRelu = o.finalActivation === 'relu';
    const reg = (k: number, i: string) =>
      o.regularization !== 'none' ? `g = g + regularizer(${W(`${k} + ${i}`)});` : '';
    /** Weight K [m, n] (and bias b): gradient input^T delta, R' on the kernel, the optimizer. */
    const updateDense = (
      m: number,
      n: number,
      K: number,
      b: number,
      input: (s: string, i: string) => string,
      delta: string,
    ) =>
      shared(
        m * n,
        wg,
        `let i = e / ${n}; let j = e % ${n};
         var g = 0.0;
         for (var s = 0; s < ${B}; s++) { g = g + ${input('s', 'i')} * ${A(delta, `s * ${n} + j`)}; }
         ${reg(K, 'e')}
         updateWeight(${K} + e, g);`,
        false,
      ) +
      shared(
        n,
        wg,
        `var g = 0.0;
         for (var s = 0; s < ${B}; s++) { g = g + ${A(delta, `s * ${n} + e`)}; }
         updateWeight(${b} + e, g);`,
        false,
      );
    const code = `
      ${plan.declarations}
      ${ACTIVATION_CODE}
      ${stateCode(plan, layout, o, wg)}
      fn main(index : i32) {
        loadState();
        for (var step = 0; step < uniforms.gatesShape; step++) {
          let base = step * ${B};
          let open = gates[step] == 1;
          ${layer1}
          ${shared(B * n2, wg, `${dense(n2, n1, (s, k) => A('h1', `${s} * ${n1} + ${k}`), d.W2, d.B2)} ${A('a2', 'e')} = a; ${A('z', 'e')} = reluOf(a);`)}
          if (open) {
            ${extraPath}
            ${shared(B * n2, wg, `let s = e / ${n2}; ${A('z', 'e')} = ${A('z', 'e')} + ${A('g', 's')} * ${A('e', 'e')};`)}
          }
          ${shared(
            B,
            wg,
            `var a = ${W(d.B3)};
             for (var k = 0; k < ${n2}; k++) { a = a + ${A('z', `e * ${n2} + k`)} * ${W(`${d.W3} + k`)}; }
             ${A('a3', 'e')} = a;
             let y = ${finalRelu ? 'reluOf(a)' : 'a'};
             ${A('dy', 'e')} = (sigmoidOf(y) - trainY[batches[base + e]]) / ${f32(B)}${finalRelu ? ' * reluSlope(a)' : ''};`,
          )}
          ${shared(B * n2, wg, `let s = e / ${n2}; let j = e % ${n2}; ${A('dz', 'e')} = ${A('dy', 's')} * ${W(`${d.W3} + j`)};`)}
          if (open) {
            ${shared(
              B,
              wg,
              `var v = 0.0;
               for (var j = 0; j < ${n2}; j++) { v = v + ${A('dz', `e * ${n2} + j`)} * ${A('e', `e * ${n2} + j`)}; }
               let g = ${A('g', 'e')};
               ${A('dag', 'e')} = v * g * (1.0 - g);`,
            )}
            ${shared(
              B * n2,
              wg,
              `let s = e / ${n2}; let j = e % ${n2};
               let v = ${A('dag', 's')} * ${W(`${d.G} + j`)} + ${A('dz', 'e')} * ${A('g', 's')};
               ${A('de', 'e')} = v * reluSlope(${A('ae', 'e')});`,
            )}
          }
          ${shared(B * n2, wg, `${A('dz', 'e')} = ${A('dz', 'e')} * reluSlope(${A('a2', 'e')});`)}
          ${shared(
            B * n1,
            wg,
            `let s = e / ${n1}; let i = e % ${n1};
             var v = 0.0;
             for (var j = 0; j < ${n2}; j++) { v = v + ${A('dz', `s * ${n2} + j`)} * ${W(`${d.W2} + i * ${n2} + j`)}; }
             ${
               o.source === 'h1'
                 ? `if (open) {
                      var u = 0.0;
                      for (var j = 0; j < ${n2}; j++) { u = u + ${A('de', `s * ${n2} + j`)} * ${W(`${d.E} + i * ${n2} + j`)}; }
                      v = v + u;
                    }`
                 : ''
             }
             ${A('dh1', 'e')} = v * reluSlope(${A('a1', 'e')});`,
          )}
          ${updateDense(n2, 1, d.W3, d.B3, (s, i) => A('z', `${s} * ${n2} + ${i}`), 'dy')}
          ${updateDense(n1, n2, d.W2, d.B2, (s, i) => A('h1', `${s} * ${n1} + ${i}`), 'dz')}
          ${updateDense(n0, n1, d.W1, d.B1, X, 'dh1')}
          if (open) {
            ${updateDense(n2, 1, d.G, d.BG, (s, i) => A('e', `${s} * ${n2} + ${i}`), 'dag')}
            ${updateDense(ns, n2, d.E, d.BE, S, 'de')}
          }
          workgroupBarrier();
          ${o.optimizer === 'adam' ? 'advanceBeta();' : ''}
          if (open) {
            // The trace's gate mean, after the update.
            ${layer1}
            ${extraPath}
            if (localIndex == 0u) {
              var sum = 0.0;
              for (var s = 0; s < ${B}; s++) { sum = sum + ${A('g', 's')}; }
              result[uniforms.outShape - uniforms.gatesShape + step] = sum / ${f32(B)};
            }
          } else if (localIndex == 0u) {
            result[uniforms.outShape - uniforms.gatesShape + step] = uniforms.NAN;
          }
          workgroupBarrier();
        }
        storeState();
      }`;
    const key = `dianTrain|${n0}|${n1}|${n2}|${o.source}|${o.finalActivation}|${o.optimizer}|${o.regularization}|${B}|${plan.workgroupBytes}`;
    return { key, code, workgroup: wg, layout, plan };
  },

  heatmap(o) {
    const d = shape(o);
    const { n0, n1, n2 } = d;
    const source = o.source === 'x' ? 'x' : 'h1';
    const code = `
      ${ACTIVATION_CODE}
      fn main(index : i32) {
        if (index >= uniforms.outShape) { return; }
        var x : array<f32, ${n0}>;
        var h1 : array<f32, ${n1}>;
        var z : array<f32, ${n2}>;
        var e : array<f32, ${n2}>;
        for (var k = 0; k < ${n0}; k++) { x[k] = grid[index * ${n0} + k]; }
        for (var j = 0; j < ${n1}; j++) {
          var a = weights[${d.B1} + j];
          for (var k = 0; k < ${n0}; k++) { a = a + x[k] * weights[${d.W1} + k * ${n1} + j]; }
          h1[j] = reluOf(a);
        }
        for (var j = 0; j < ${n2}; j++) {
          var a = weights[${d.B2} + j];
          for (var k = 0; k < ${n1}; k++) { a = a + h1[k] * weights[${d.W2} + k * ${n2} + j]; }
          z[j] = reluOf(a);
        }
        if (uniforms.gate == 1) {
          for (var j = 0; j < ${n2}; j++) {
            var a = weights[${d.BE} + j];
            for (var k = 0; k < ${d.ns}; k++) { a = a + ${source}[k] * weights[${d.E} + k * ${n2} + j]; }
            e[j] = reluOf(a);
          }
          var ag = weights[${d.BG}];
          for (var k = 0; k < ${n2}; k++) { ag = ag + e[k] * weights[${d.G} + k]; }
          let g = sigmoidOf(ag);
          for (var j = 0; j < ${n2}; j++) { z[j] = z[j] + g * e[j]; }
        }
        var y = weights[${d.B3}];
        for (var k = 0; k < ${n2}; k++) { y = y + z[k] * weights[${d.W3} + k]; }
        result[index] = sigmoidOf(${o.finalActivation === 'relu' ? 'reluOf(y)' : 'y'});
      }`;
    return { key: `dianHeatmap|${n0}|${n1}|${n2}|${o.source}|${o.finalActivation}`, code };
  },
};
