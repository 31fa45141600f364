/**
 * The task generators (src/engine/core/tasks.ts, sequenceTasks.ts) in Python, one function per task: the script
 * carries only its own task's. Each returns (inputs, label) pairs in generation order: the point (x1, x2) for the
 * 2-D tasks (features are computed later), the window for the sequence tasks.
 */
import type { DataTaskKind, TaskKind } from '../../experiment';

const CIRCLE = String.raw`
def circle(n, noise, rng):
    """Label 1 inside radius 2.5, 0 on the ring 3.5-5; noise labels the clean point by a jittered copy of it."""
    radius = 5
    points = []

    def ring(count, r_min, r_max):
        for _ in range(count):
            r = rng.uniform(r_min, r_max)
            angle = rng.uniform(0, 2 * math.pi)
            x1 = r * math.sin(angle)
            x2 = r * math.cos(angle)
            nx = x1 + rng.uniform(-radius, radius) * noise
            ny = x2 + rng.uniform(-radius, radius) * noise
            points.append(([x1, x2], int(math.sqrt(nx * nx + ny * ny) < radius * 0.5)))

    ring(n // 2, 0, radius * 0.5)
    ring(n - n // 2, radius * 0.7, radius)
    return points
`;

const XOR = String.raw`
def xor(n, noise, rng):
    """Points in [-5, 5]^2 pushed 0.3 away from each axis; label 1 where x1 x2 >= 0 (of a jittered copy)."""
    padding = 0.3
    points = []
    for _ in range(n):
        x1 = rng.uniform(-5, 5)
        x1 += padding if x1 > 0 else -padding
        x2 = rng.uniform(-5, 5)
        x2 += padding if x2 > 0 else -padding
        nx = x1 + rng.uniform(-5, 5) * noise
        ny = x2 + rng.uniform(-5, 5) * noise
        points.append(([x1, x2], int(nx * ny >= 0)))
    return points
`;

const GAUSSIAN = String.raw`
def polar_normal(rng, mean, variance):
    """A normal sample by Marsaglia's polar method, as the TensorFlow Playground draws it."""
    while True:
        v1 = 2 * rng.next() - 1
        v2 = 2 * rng.next() - 1
        s = v1 * v1 + v2 * v2
        if 0 < s <= 1:
            return mean + math.sqrt(variance) * (math.sqrt((-2 * math.log(s)) / s) * v1)


def gaussian(n, noise, rng):
    """Two blobs, N((2, 2), v) labelled 1 and N((-2, -2), v) labelled 0; v = 0.5 (1 - t) + 4 t, t = noise / 0.5."""
    t = noise / 0.5
    variance = 0.5 * (1 - t) + 4 * t
    points = []

    def blob(count, cx, cy, label):
        for _ in range(count):
            x1 = polar_normal(rng, cx, variance)
            x2 = polar_normal(rng, cy, variance)
            points.append(([x1, x2], label))

    blob(n // 2, 2, 2, 1)
    blob(n - n // 2, -2, -2, 0)
    return points
`;

const SPIRAL = String.raw`
def spiral(n, noise, rng):
    """Two arms r = 5 i / n, angle 1.75 * 2 pi i / n (+ pi for label 0), jittered by U(-1, 1)^2 * noise."""
    points = []

    def arm(count, delta_t, label):
        for i in range(count):
            r = i / count * 5
            t = 1.75 * i / count * 2 * math.pi + delta_t
            x1 = r * math.sin(t) + rng.uniform(-1, 1) * noise
            x2 = r * math.cos(t) + rng.uniform(-1, 1) * noise
            points.append(([x1, x2], label))

    arm(n // 2, 0, 1)
    arm(n - n // 2, math.pi, 0)
    return points
`;

/** Parity and temporal XOR share their draws: T bits, then the noise draw. */
const bitsTask = (name: string, doc: string, label: string) => String.raw`
def ${name}(n, length, noise, rng):
    """${doc} Noise flips a label with that probability."""
    points = []
    for _ in range(n):
        bits = [0 if rng.next() < 0.5 else 1 for _ in range(length)]
        label = ${label}
        if rng.next() < noise:
            label = 1 - label
        points.append((bits, label))
    return points
`;

const ADDING = String.raw`
def adding(n, length, noise, rng):
    """Values v ~ U(0, 1)^T and markers m (one 1 in each half); label v_a + v_b > 1. Noise flips a label."""
    points = []
    half = length // 2
    for _ in range(n):
        values = [rng.next() for _ in range(length)]
        a = rng.below(half)
        b = half + rng.below(length - half)
        markers = [1 if i in (a, b) else 0 for i in range(length)]
        label = int(values[a] + values[b] > 1)
        if rng.next() < noise:
            label = 1 - label
        points.append((values + markers, label))
    return points
`;

const MOONS = String.raw`
def moons(n, noise, rng):
    """scikit-learn's make_moons (outer moon label 0, inner label 1), scaled into the plane by 3.5 about (0.5, 0.25)."""
    points = []

    def moon(count, positive):
        for i in range(count):
            t = math.pi * i / (count - 1) if count > 1 else 0
            qx = (1 - math.cos(t) if positive else math.cos(t)) + rng.normal() * noise
            qy = (0.5 - math.sin(t) if positive else math.sin(t)) + rng.normal() * noise
            points.append(([3.5 * (qx - 0.5), 3.5 * (qy - 0.25)], int(positive)))

    moon(n // 2, False)
    moon(n - n // 2, True)
    return points
`;

/** The generator's Python source and the call that makes n points, for each task. */
export const TASK_GENERATORS: Record<Exclude<TaskKind, DataTaskKind>, { source: string; call: string }> = {
  circle: { source: CIRCLE, call: "circle(TASK['numSamples'], TASK['noise'], rng)" },
  xor: { source: XOR, call: "xor(TASK['numSamples'], TASK['noise'], rng)" },
  gaussian: { source: GAUSSIAN, call: "gaussian(TASK['numSamples'], TASK['noise'], rng)" },
  spiral: { source: SPIRAL, call: "spiral(TASK['numSamples'], TASK['noise'], rng)" },
  moons: { source: MOONS, call: "moons(TASK['numSamples'], TASK['noise'], rng)" },
  parity: {
    source: bitsTask('parity', 'T random bits; label = their parity.', 'sum(bits) % 2'),
    call: "parity(TASK['numSamples'], TASK['length'], TASK['noise'], rng)",
  },
  'temporal-xor': {
    source: bitsTask('temporal_xor', 'T random bits; label = b_1 xor b_T.', 'bits[0] ^ bits[-1]'),
    call: "temporal_xor(TASK['numSamples'], TASK['length'], TASK['noise'], rng)",
  },
  adding: { source: ADDING, call: "adding(TASK['numSamples'], TASK['length'], TASK['noise'], rng)" },
};
