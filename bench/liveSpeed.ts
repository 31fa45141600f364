/**
 * Dynamic-Live throughput (docs/DESIGN.md 1.2, issue #4): LiveNetwork built directly on random networks of 10, 100
 * and 1,000 neurons; one step = propagate + reinforce with a seeded reward in [-1, 1], in both update modes.
 * Recursive mode visits every path of length <= D (k^D in the worst case): before timing it, one counted probe
 * stops a reward that makes more than CALL_LIMIT train calls, and the row reports that instead of a rate.
 */
import { LiveNetwork, type LiveOptions, type LiveStructure } from '../src/engine/arch/live/network';
import { createRng, deriveSeed } from '../src/engine/core/rng';

export const SIZES = [10, 100, 1000];
export const INPUTS = 2;
export const HIDDEN_LAYERS = 3;
export const K_MIN = 3;
export const K_MAX = 8;
/** Of each neuron's sources after the first (always from the layer below): the share drawn from earlier layers. */
export const FORWARD_SHARE = 0.5;
export const OPTIONS: Omit<LiveOptions, 'update' | 'memory'> = {
  lr: 0.1,
  depth: 10,
  sharing: 'equal',
  pRewire: 0.1,
  activation: 'reference',
};
/** Each timed measurement stops at whichever comes first. */
export const TIME_CAP_MS = 1000;
export const STEP_CAP = 10_000;
export const PROPAGATE_CAP = 100_000;
/** A probe reward that needs more train calls than this is stopped (and the row says so). */
export const CALL_LIMIT = 10_000_000;
/** The default memory M, and a memory long enough for paths of D steps back in time (the k^D worst case). */
export const CASES = [
  ...SIZES.map((size) => ({ size, memory: 3 })),
  { size: 100, memory: 10 },
  { size: 1000, memory: 10 },
];
const PROBE_STEPS = 5;
export const SEED = 1;

/**
 * `size` neurons: INPUTS inputs, HIDDEN_LAYERS hidden layers, one output. Each non-input neuron gets k in
 * [K_MIN, K_MAX] distinct allowed sources: one from the layer below, then each from an earlier layer with
 * probability FORWARD_SHARE, else from any non-input neuron of its own or a later layer (itself included):
 * the recurrent ones, read at the previous step.
 */
export function randomStructure(size: number, seed: number): LiveStructure {
  const rng = createRng(deriveSeed(seed, `live-bench:${size}`));
  const hidden = size - INPUTS - 1;
  const widths = Array.from({ length: HIDDEN_LAYERS }, (_, i) =>
    Math.floor((hidden + HIDDEN_LAYERS - 1 - i) / HIDDEN_LAYERS),
  );
  let next = 0;
  const layers = [INPUTS, ...widths, 1].map((w) => Array.from({ length: w }, () => `n${next++}`));
  const sources: Record<string, string[]> = {};
  const pick = (pool: string[]) => pool[rng.int(pool.length)];
  layers.forEach((layer, l) => {
    if (l === 0) return;
    const earlier = layers.slice(0, l).flat();
    const recurrent = layers.slice(l).flat();
    for (const id of layer) {
      const k = Math.min(K_MIN + rng.int(K_MAX - K_MIN + 1), earlier.length + recurrent.length);
      const chosen = new Set([pick(layers[l - 1])]);
      while (chosen.size < k) chosen.add(pick(rng.next() < FORWARD_SHARE ? earlier : recurrent));
      sources[id] = [...chosen];
    }
  });
  return { layers, sources };
}

export interface LiveSpeedRow {
  size: number;
  memory: number;
  edges: number;
  recurrentEdges: number;
  update: LiveOptions['update'];
  /** recursionSize(): train calls per reward if every path of length <= D were followed. */
  recursionSize: number;
  /** The same count, but a path ends where it reaches a step older than the memory holds (at initialisation). */
  withinMemory: number;
  /** Recursive mode: train calls per reward actually made (mean over the probe's steps). */
  callsPerReward?: number;
  /** Set when a probe reward passed CALL_LIMIT calls: the time it had taken when stopped. */
  stoppedAfterMs?: number;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
}

export const networkFor = (
  structure: LiveStructure,
  memory: number,
  update: LiveOptions['update'],
  seed: number,
) =>
  new LiveNetwork(
    structure,
    { ...OPTIONS, memory, update },
    createRng(deriveSeed(seed, 'live-bench:rewire')).next,
  );

/** Seeded inputs in [0, 1) and rewards in [-1, 1). */
export function driver(seed: number) {
  const rng = createRng(deriveSeed(seed, 'live-bench:drive'));
  return { inputs: () => [rng.next(), rng.next()], reward: () => rng.uniform(-1, 1) };
}

/**
 * Train calls one reward makes in recursive mode with every weight > 0 (as at initialisation): a call on an
 * input, or at a step the memory no longer holds, returns at once; a recurrent source is read one step back.
 */
function callsWithinMemory(structure: LiveStructure, memory: number, depth: number): number {
  const layerOf = new Map(structure.layers.flatMap((layer, l) => layer.map((id) => [id, l] as const)));
  const memo = new Map<string, number>();
  const count = (id: string, back: number, d: number): number => {
    const l = layerOf.get(id)!;
    if (l === 0 || back >= memory || d <= 1) return 1;
    const key = `${id}/${back}/${d}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let calls = 1;
    for (const s of structure.sources[id] ?? [])
      calls += count(s, back + (layerOf.get(s)! < l ? 0 : 1), d - 1);
    memo.set(key, calls);
    return calls;
  };
  return structure.layers[structure.layers.length - 1].reduce((n, id) => n + count(id, 0, depth), 0);
}

class CallLimit extends Error {}

/** Counts recursive train calls by wrapping the instance's private method (bench only: no engine change). */
function countCalls(network: LiveNetwork) {
  const counter = { calls: 0, limit: Infinity };
  const inner = network as unknown as { train: (...args: unknown[]) => void };
  const train = inner.train;
  inner.train = function (this: unknown, ...args: unknown[]) {
    if (++counter.calls > counter.limit) throw new CallLimit();
    return train.apply(this, args);
  };
  return counter;
}

/** Mean train calls per reward over a few steps, or the time a single reward took until stopped. */
function probe(
  structure: LiveStructure,
  memory: number,
  seed: number,
): { calls?: number; stoppedAfterMs?: number } {
  const network = networkFor(structure, memory, 'recursive', seed);
  const drive = driver(seed);
  for (let i = 0; i < memory; i++) network.propagate(drive.inputs());
  const counter = countCalls(network);
  for (let i = 0; i < PROBE_STEPS; i++) {
    network.propagate(drive.inputs());
    counter.limit = counter.calls + CALL_LIMIT;
    const t0 = performance.now();
    try {
      network.reinforce([drive.reward()]);
    } catch (e) {
      if (!(e instanceof CallLimit)) throw e;
      return { stoppedAfterMs: performance.now() - t0 };
    }
  }
  return { calls: counter.calls / PROBE_STEPS };
}

function timed(step: () => void, cap: number, ms: number): { steps: number; seconds: number } {
  const start = performance.now();
  let steps = 0;
  while (steps < cap && performance.now() - start < ms) {
    step();
    steps++;
  }
  return { steps, seconds: (performance.now() - start) / 1000 };
}

export function runLiveSpeed(seed = SEED): { rows: LiveSpeedRow[]; propagateOnly: LiveSpeedRow[] } {
  const rows: LiveSpeedRow[] = [];
  const propagateOnly: LiveSpeedRow[] = [];
  for (const { size, memory } of CASES) {
    const structure = randomStructure(size, seed);
    const layerOf = new Map(structure.layers.flatMap((layer, l) => layer.map((id) => [id, l] as const)));
    const all = Object.entries(structure.sources).flatMap(([n, list]) => list.map((s) => [n, s]));
    const base = {
      size,
      memory,
      edges: all.length,
      recurrentEdges: all.filter(([n, s]) => layerOf.get(s)! >= layerOf.get(n)!).length,
      recursionSize: networkFor(structure, memory, 'recursive', seed).recursionSize(),
      withinMemory: callsWithinMemory(structure, memory, OPTIONS.depth),
    };
    for (const update of ['recursive', 'accumulate'] as const) {
      const probed = update === 'recursive' ? probe(structure, memory, seed) : {};
      const row: LiveSpeedRow = {
        ...base,
        update,
        callsPerReward: probed.calls,
        stoppedAfterMs: probed.stoppedAfterMs,
        steps: 0,
        seconds: 0,
        stepsPerSecond: NaN,
      };
      if (probed.stoppedAfterMs === undefined) {
        const network = networkFor(structure, memory, update, seed);
        const drive = driver(seed);
        const step = () => {
          network.propagate(drive.inputs());
          network.reinforce([drive.reward()]);
        };
        Object.assign(row, timed(step, STEP_CAP, TIME_CAP_MS));
        row.stepsPerSecond = row.steps / row.seconds;
      }
      rows.push(row);
      console.error(
        `bench: live ${size} neurons, M ${memory}, ${update}: ${row.stepsPerSecond.toFixed(0)} steps/s`,
      );
    }
    if (memory !== 3) continue;
    const network = networkFor(structure, memory, 'accumulate', seed);
    const drive = driver(seed);
    const { steps, seconds } = timed(() => network.propagate(drive.inputs()), PROPAGATE_CAP, TIME_CAP_MS / 2);
    propagateOnly.push({ ...base, update: 'accumulate', steps, seconds, stepsPerSecond: steps / seconds });
  }
  return { rows, propagateOnly };
}
