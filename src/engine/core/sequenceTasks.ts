/**
 * Sequence tasks with long-term dependencies, as windows of T steps fed to the network at once (the layered
 * networks see a window; the Live network has its own streaming reward tasks). Labels are 0/1; noise flips a
 * label with that probability.
 *   parity:       T random bits; label = their parity (needs every bit).
 *   temporal-xor: T random bits; label = b_1 xor b_T (a dependency across the whole window).
 *   adding:       values v_1..v_T ~ U(0, 1) and markers m (one 1 in each half); label = v_a + v_b > 1
 *                 (Hochreiter & Schmidhuber's adding problem, as classification).
 */
import type { TaskSpec } from '../../experiment';
import type { Rng } from '../../experiment';
import type { Point } from './points';

export function sequencePoints(task: TaskSpec, rng: Rng): Point[] {
  const T = task.length;
  return Array.from({ length: task.numSamples }, () => {
    let inputs: number[];
    let label: number;
    if (task.kind === 'adding') {
      const values = Array.from({ length: T }, () => rng.next());
      const half = Math.floor(T / 2);
      const a = rng.int(half);
      const b = half + rng.int(T - half);
      inputs = [...values, ...values.map((_, i) => (i === a || i === b ? 1 : 0))];
      label = values[a] + values[b] > 1 ? 1 : 0;
    } else {
      inputs = Array.from({ length: T }, () => (rng.next() < 0.5 ? 0 : 1));
      label = task.kind === 'parity' ? inputs.reduce((x, y) => x ^ y, 0) : inputs[0] ^ inputs[T - 1];
    }
    if (rng.next() < task.noise) label = 1 - label;
    return { x1: 0, x2: 0, label: label as 0 | 1, inputs };
  });
}
