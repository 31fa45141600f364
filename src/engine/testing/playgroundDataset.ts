/**
 * Test oracle: the TensorFlow Playground's four classification generators, transcribed statement for statement from
 * github.com/tensorflow/playground, src/dataset.ts (commit 02469bd, 2022-06-06; Copyright 2016 Google Inc.,
 * Apache License 2.0). Changes: the unseeded global random() call is the `random` argument (so a test can feed the stream our
 * generators draw from), `d3.scale.linear()` is written out as d3 v3.5 computes it (the Playground depends on
 * d3 ^3.5.16: uninterpolate (x - a) / (b - a), interpolate a * (1 - t) + b * t), and labels stay 1 / -1 as there.
 * Nothing else: the loops run while i < numSamples / 2, as there.
 */
export interface Example2D {
  x: number;
  y: number;
  label: number;
}
type Point = { x: number; y: number };
export type Random = () => number;

function randUniform(random: Random, a: number, b: number) {
  return random() * (b - a) + a;
}

function normalRandom(random: Random, mean = 0, variance = 1): number {
  let v1: number, v2: number, s: number;
  do {
    v1 = 2 * random() - 1;
    v2 = 2 * random() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1);
  const result = Math.sqrt((-2 * Math.log(s)) / s) * v1;
  return mean + Math.sqrt(variance) * result;
}

function dist(a: Point, b: Point): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** d3 v3.5's scale.linear().domain([d0, d1]).range([r0, r1]) (bilinear, no clamp). */
function linearScale(d0: number, d1: number, r0: number, r1: number) {
  const b = d1 - d0 || 1 / (d1 - d0);
  return (x: number) => {
    const t = (x - d0) / b;
    return r0 * (1 - t) + r1 * t;
  };
}

export function classifyTwoGaussData(random: Random, numSamples: number, noise: number): Example2D[] {
  const points: Example2D[] = [];
  const varianceScale = linearScale(0, 0.5, 0.5, 4);
  const variance = varianceScale(noise);
  function genGauss(cx: number, cy: number, label: number) {
    for (let i = 0; i < numSamples / 2; i++) {
      const x = normalRandom(random, cx, variance);
      const y = normalRandom(random, cy, variance);
      points.push({ x, y, label });
    }
  }
  genGauss(2, 2, 1); // Gaussian with positive examples.
  genGauss(-2, -2, -1); // Gaussian with negative examples.
  return points;
}

export function classifySpiralData(random: Random, numSamples: number, noise: number): Example2D[] {
  const points: Example2D[] = [];
  const n = numSamples / 2;
  function genSpiral(deltaT: number, label: number) {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + randUniform(random, -1, 1) * noise;
      const y = r * Math.cos(t) + randUniform(random, -1, 1) * noise;
      points.push({ x, y, label });
    }
  }
  genSpiral(0, 1); // Positive examples.
  genSpiral(Math.PI, -1); // Negative examples.
  return points;
}

export function classifyCircleData(random: Random, numSamples: number, noise: number): Example2D[] {
  const points: Example2D[] = [];
  const radius = 5;
  function getCircleLabel(p: Point, center: Point) {
    return dist(p, center) < radius * 0.5 ? 1 : -1;
  }
  // Generate positive points inside the circle.
  for (let i = 0; i < numSamples / 2; i++) {
    const r = randUniform(random, 0, radius * 0.5);
    const angle = randUniform(random, 0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    const noiseX = randUniform(random, -radius, radius) * noise;
    const noiseY = randUniform(random, -radius, radius) * noise;
    const label = getCircleLabel({ x: x + noiseX, y: y + noiseY }, { x: 0, y: 0 });
    points.push({ x, y, label });
  }
  // Generate negative points outside the circle.
  for (let i = 0; i < numSamples / 2; i++) {
    const r = randUniform(random, radius * 0.7, radius);
    const angle = randUniform(random, 0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    const noiseX = randUniform(random, -radius, radius) * noise;
    const noiseY = randUniform(random, -radius, radius) * noise;
    const label = getCircleLabel({ x: x + noiseX, y: y + noiseY }, { x: 0, y: 0 });
    points.push({ x, y, label });
  }
  return points;
}

export function classifyXORData(random: Random, numSamples: number, noise: number): Example2D[] {
  function getXORLabel(p: Point) {
    return p.x * p.y >= 0 ? 1 : -1;
  }
  const points: Example2D[] = [];
  for (let i = 0; i < numSamples; i++) {
    let x = randUniform(random, -5, 5);
    const padding = 0.3;
    x += x > 0 ? padding : -padding; // Padding.
    let y = randUniform(random, -5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = randUniform(random, -5, 5) * noise;
    const noiseY = randUniform(random, -5, 5) * noise;
    const label = getXORLabel({ x: x + noiseX, y: y + noiseY });
    points.push({ x, y, label });
  }
  return points;
}
