/**
 * The four 2-D classification tasks of the TensorFlow Playground, seeded. Points live in [-6, 6]^2 and have
 * labels 0 or 1. Training loss for all of them: mean sigmoid cross-entropy of the single output logit
 * (plus the regularisation term), so the model's output y is a logit and P(label 1) = sigmoid(y).
 */
import {
  FEATURE_FUNCTIONS,
  isSequenceTask,
  type Feature,
  type PLANE_TASKS,
  type TaskSpec,
} from '../../experiment';
import { sequencePoints } from './sequenceTasks';
import { createRng, deriveSeed, permutation, type Rng } from '../../experiment';
import type { Dataset, Point } from './points';

export type { Dataset, Point };

type Generator = (n: number, noise: number, rng: Rng) => Point[];

const label = (positive: boolean): 0 | 1 => (positive ? 1 : 0);

const circle: Generator = (n, noise, rng) => {
  const radius = 5;
  const points: Point[] = [];
  const ring = (count: number, rMin: number, rMax: number) => {
    for (let i = 0; i < count; i++) {
      const r = rng.uniform(rMin, rMax);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x1 = r * Math.sin(angle);
      const x2 = r * Math.cos(angle);
      const nx = rng.uniform(-radius, radius) * noise;
      const ny = rng.uniform(-radius, radius) * noise;
      // The label follows the noisy position, as in the TensorFlow Playground.
      points.push({ x1: x1 + nx, x2: x2 + ny, label: label(Math.hypot(x1 + nx, x2 + ny) < radius * 0.5) });
    }
  };
  ring(Math.floor(n / 2), 0, radius * 0.5);
  ring(n - Math.floor(n / 2), radius * 0.7, radius);
  return points;
};

const xor: Generator = (n, noise, rng) => {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    let x1 = rng.uniform(-5, 5);
    x1 += x1 > 0 ? padding : -padding;
    let x2 = rng.uniform(-5, 5);
    x2 += x2 > 0 ? padding : -padding;
    const nx = rng.uniform(-5, 5) * noise;
    const ny = rng.uniform(-5, 5) * noise;
    points.push({ x1: x1 + nx, x2: x2 + ny, label: label(x1 * x2 >= 0) });
  }
  return points;
};

const gaussian: Generator = (n, noise, rng) => {
  const variance = 0.5 + 3.5 * (noise / 0.5);
  const points: Point[] = [];
  const blob = (count: number, cx: number, cy: number, positive: boolean) => {
    for (let i = 0; i < count; i++) {
      const sd = Math.sqrt(variance);
      points.push({ x1: cx + rng.normal() * sd, x2: cy + rng.normal() * sd, label: label(positive) });
    }
  };
  blob(Math.floor(n / 2), 2, 2, true);
  blob(n - Math.floor(n / 2), -2, -2, false);
  return points;
};

const spiral: Generator = (n, noise, rng) => {
  const points: Point[] = [];
  const arm = (count: number, deltaT: number, positive: boolean) => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      const x1 = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
      const x2 = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
      points.push({ x1, x2, label: label(positive) });
    }
  };
  arm(Math.floor(n / 2), 0, true);
  arm(n - Math.floor(n / 2), Math.PI, false);
  return points;
};

const GENERATORS: Record<(typeof PLANE_TASKS)[number], Generator> = { circle, xor, gaussian, spiral };

/** Generates the task's points and splits them into train and test sets; the same seed gives the same data. */
export function makeDataset(task: TaskSpec, seed: number): Dataset {
  const rng = createRng(deriveSeed(seed, `data:${task.kind}`));
  const points = isSequenceTask(task.kind)
    ? sequencePoints(task, rng)
    : GENERATORS[task.kind](task.numSamples, task.noise, rng);
  const order = permutation(points.length, rng);
  const shuffled = Array.from(order, (i) => points[i]);
  const numTrain = Math.max(1, Math.round(points.length * task.trainRatio));
  return { train: shuffled.slice(0, numTrain), test: shuffled.slice(numTrain) };
}

/** Feature rows, flattened row-major: [n, features.length]. */
export function featurize(coords: ArrayLike<number>[], features: Feature[]): Float32Array {
  const out = new Float32Array(coords.length * features.length);
  coords.forEach((c, i) => {
    features.forEach((f, j) => {
      out[i * features.length + j] = FEATURE_FUNCTIONS[f](c[0], c[1]);
    });
  });
  return out;
}
