/**
 * What one reward costs a Dynamic-Live network in "recursive" update mode, before it is given. The recursion
 * (readme.ts) trains every path of up to D neurons back from an output through sources, each source visited
 * once per path: with k sources per neuron that is about k^D calls (12 fully recurrent neurons at D = 20: 1e21),
 * and no shortcut keeps the results (each call renormalises and may draw rewiring numbers, so the order of the
 * paths is part of the outcome). Counting the paths is cheap: calls(d, b, i) = 1 + sum over sources of
 * calls(d - 1, b', s), where b is how many steps back the call trains and memory ends a path after M - 1 steps.
 */
import type { Neuron } from './neuron';

/** Work units (src/engine/core/workBudget.ts) of one train call of a neuron with k sources: measured 1.2-3.3 us. */
export const callWork = (sources: number): number => 1000 + 120 * sources;

/**
 * The train calls one reward at the outputs makes, once the memory is full, weighted by `perCall` (1: the calls
 * themselves), for every depth 1..D: entry d - 1 is the total at depth d. Input neurons end a path uncounted.
 */
export function recursionWork(
  neurons: Neuron[],
  outputs: number[],
  depth: number,
  memory: number,
  perCall: (n: Neuron) => number = () => 1,
): Float64Array {
  const N = neurons.length;
  const M = memory;
  const own = Float64Array.from(neurons, (n) => (n.layer === 0 ? 0 : perCall(n)));
  // calls[b * N + i]: what training neuron i, b steps back, makes with the depth of the current round.
  let calls = new Float64Array(M * N);
  let next = new Float64Array(M * N);
  const totals = new Float64Array(depth);
  for (let d = 1; d <= depth; d++) {
    for (let b = 0; b < M; b++) {
      for (let i = 0; i < N; i++) {
        const n = neurons[i];
        if (n.layer === 0) continue;
        let sum = own[i];
        if (d > 1) {
          for (const s of n.sources) {
            const back = b + (neurons[s].layer < n.layer ? 0 : 1);
            if (back < M) sum += calls[back * N + s];
          }
        }
        next[b * N + i] = sum;
      }
    }
    [calls, next] = [next, calls];
    for (const o of outputs) totals[d - 1] += calls[o];
  }
  return totals;
}
