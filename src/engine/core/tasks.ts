/**
 * The four 2-D classification tasks of the TensorFlow Playground, seeded. Points live in [-6, 6]^2 and have
 * labels 0 or 1. Training loss for all of them: mean sigmoid cross-entropy of the single output logit
 * (plus the regularisation term), so the model's output y is a logit and P(label 1) = sigmoid(y).
 *
 * The generators are the Playground's (github.com/tensorflow/playground, src/dataset.ts), draw for draw, with our
 * seeded stream in place of the browser's unseeded random number generator (tasks.test.ts checks each against a transcription of that file):
 *   circle    r ~ U(0, 2.5) (label 1) or U(3.5, 5) (label 0), angle ~ U(0, 2 pi), p = r (sin, cos);
 *             noise n ~ U(-5, 5)^2 * noise; the point kept is the clean p, its label is |p + n| < 2.5
 *   xor       p ~ U(-5, 5)^2 pushed 0.3 away from each axis; the point kept is p, its label (p + n)_1 (p + n)_2 >= 0
 *             with n ~ U(-5, 5)^2 * noise
 *   gaussian  N((2, 2), v I) (label 1) and N((-2, -2), v I) (label 0), v = 0.5 (1 - t) + 4 t, t = noise / 0.5
 *             (d3 v3's linear scale from [0, 0.5] to [0.5, 4]); normals by Marsaglia's polar method
 *   spiral    two arms, r = 5 i / n, t = 1.75 * 2 pi i / n (+ pi for label 0), p = r (sin t, cos t) + U(-1, 1)^2 * noise
 *   moons     scikit-learn's make_moons (not a Playground task): m = floor(n / 2) points on the upper half circle
 *             (cos t, sin t), t = pi i / (m - 1) (label 0), the rest on (1 - cos t, 1/2 - sin t) (label 1), each
 *             plus N(0, noise^2)^2 (noise a standard deviation in the moons' units, as make_moons's), then
 *             scaled into the plane: p = 3.5 (q - (0.5, 0.25)), so x1 in [-5.25, 5.25], x2 in [-2.625, 2.625]
 * So noise on circle and xor is label noise (points near the boundary may carry the other class's label), and
 * their points stay where the clean shape puts them (circle within radius 5; xor at least 0.3 from each axis).
 * One difference: for an odd number of points the Playground makes one more (each class loops while i < n / 2);
 * here the first class has floor(n / 2) points and the second the rest, n in all.
 */
import {
  FEATURE_FUNCTIONS,
  isDataTask,
  isSequenceTask,
  type Feature,
  type PLANE_TASKS,
  type TaskSpec,
} from '../../experiment';
import { sequencePoints } from './sequenceTasks';
import { SpecError } from './specError';
import { createRng, deriveSeed, permutation, type Rng } from '../../experiment';
import type { Dataset, Point } from './points';

export type { Dataset, Point };

type Generator = (n: number, noise: number, rng: Rng) => Point[];
export type PlaneTask = (typeof PLANE_TASKS)[number];

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
      const nx = x1 + rng.uniform(-radius, radius) * noise;
      const ny = x2 + rng.uniform(-radius, radius) * noise;
      // The clean point, labelled by where the noise moved it (the Playground's getCircleLabel).
      points.push({ x1, x2, label: label(Math.sqrt(nx * nx + ny * ny) < radius * 0.5) });
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
    const nx = x1 + rng.uniform(-5, 5) * noise;
    const ny = x2 + rng.uniform(-5, 5) * noise;
    points.push({ x1, x2, label: label(nx * ny >= 0) });
  }
  return points;
};

/** A normal sample by Marsaglia's polar method, as the Playground's normalRandom draws it. */
function polarNormal(rng: Rng, mean: number, variance: number): number {
  let v1: number, v2: number, s: number;
  do {
    v1 = 2 * rng.next() - 1;
    v2 = 2 * rng.next() - 1;
    s = v1 * v1 + v2 * v2;
    // s = 0 (probability 2^-64) would give 0/0; the Playground does not guard it, we draw again.
  } while (s > 1 || s === 0);
  return mean + Math.sqrt(variance) * (Math.sqrt((-2 * Math.log(s)) / s) * v1);
}

const gaussian: Generator = (n, noise, rng) => {
  // d3 v3's scale.linear().domain([0, 0.5]).range([0.5, 4]) at noise.
  const t = noise / 0.5;
  const variance = 0.5 * (1 - t) + 4 * t;
  const points: Point[] = [];
  const blob = (count: number, cx: number, cy: number, positive: boolean) => {
    for (let i = 0; i < count; i++) {
      const x1 = polarNormal(rng, cx, variance);
      const x2 = polarNormal(rng, cy, variance);
      points.push({ x1, x2, label: label(positive) });
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

/** Where the moons' centre goes (the origin) and how much they are scaled by to fill the plane. */
export const MOONS_CENTRE = [0.5, 0.25] as const;
export const MOONS_SCALE = 3.5;

const moons: Generator = (n, noise, rng) => {
  const points: Point[] = [];
  const moon = (count: number, positive: boolean) => {
    for (let i = 0; i < count; i++) {
      const t = count > 1 ? (Math.PI * i) / (count - 1) : 0;
      const qx = (positive ? 1 - Math.cos(t) : Math.cos(t)) + rng.normal() * noise;
      const qy = (positive ? 0.5 - Math.sin(t) : Math.sin(t)) + rng.normal() * noise;
      points.push({
        x1: MOONS_SCALE * (qx - MOONS_CENTRE[0]),
        x2: MOONS_SCALE * (qy - MOONS_CENTRE[1]),
        label: label(positive),
      });
    }
  };
  moon(Math.floor(n / 2), false);
  moon(n - Math.floor(n / 2), true);
  return points;
};

const GENERATORS: Record<PlaneTask, Generator> = { circle, xor, gaussian, spiral, moons };

/** A 2-D task's n points in generation order (before the shuffle and the split), from this stream. */
export function planePoints(kind: PlaneTask, n: number, noise: number, rng: Rng): Point[] {
  return GENERATORS[kind](n, noise, rng);
}

/** Generates the task's points and splits them into train and test sets; the same seed gives the same data. */
export function makeDataset(task: TaskSpec, seed: number): Dataset {
  const rng = createRng(deriveSeed(seed, `data:${task.kind}`));
  const kind = task.kind;
  if (isDataTask(kind)) throw new SpecError(`${kind} is a data table: DataFeed reads it (dataTables.ts)`);
  const points = isSequenceTask(kind)
    ? sequencePoints(task, rng)
    : planePoints(kind, task.numSamples, task.noise, rng);
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
