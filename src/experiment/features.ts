import type { TaskSpec } from './common';
import { isSequenceTask, type Feature } from './kinds';

/** What each input feature computes from a point (x1, x2); the engine and the graph's thumbnails share it. */
export const FEATURE_FUNCTIONS: Record<Feature, (x1: number, x2: number) => number> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  'x1^2': (x1) => x1 * x1,
  'x2^2': (_, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  'sin x1': (x1) => Math.sin(x1),
  'sin x2': (_, x2) => Math.sin(x2),
};

/** Half the side of the input plane: points, the heatmap and the thumbnails cover [-6, 6]^2. */
export const INPUT_DOMAIN = 6;

/** Cell centres of a res x res grid over the input plane, row 0 at the top (x2 = +6). */
export function gridCoords(res: number): [number, number][] {
  const coords: [number, number][] = [];
  for (let row = 0; row < res; row++) {
    for (let col = 0; col < res; col++) {
      const x1 = -INPUT_DOMAIN + ((col + 0.5) * 2 * INPUT_DOMAIN) / res;
      const x2 = INPUT_DOMAIN - ((row + 0.5) * 2 * INPUT_DOMAIN) / res;
      coords.push([x1, x2]);
    }
  }
  return coords;
}

/** The names of the network's inputs for a task: its features, or the positions of a sequence window. */
export function inputNames(task: TaskSpec): string[] {
  if (!isSequenceTask(task.kind)) return task.features;
  const bits = Array.from({ length: task.length }, (_, i) => `b${i + 1}`);
  if (task.kind !== 'adding') return bits;
  return [...bits.map((_, i) => `v${i + 1}`), ...bits.map((_, i) => `m${i + 1}`)];
}
