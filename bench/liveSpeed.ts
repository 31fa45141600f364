/**
 * Dynamic-Live throughput (docs/DESIGN.md 1.2, issue #4): LiveNetwork built directly on random networks of 10, 100
 * and 1,000 neurons; one step = propagate + reinforce with a seeded reward in [-1, 1], in both update modes.
 * Recursive mode visits every path of length <= D (k^D in the worst case): a network whose recursionSize() is
 * over CALL_LIMIT train calls per reward is not run in that mode, and the row says so instead of a rate.
 */
import { LiveNetwork, createRng, deriveSeed, type LiveOptions, type LiveStructure } from '../src/engine';
import { defaultSpec } from '../src/experiment';

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
/** Recursive mode is not run where one reward would make more train calls than this (recursionSize()). */
export const CALL_LIMIT = 10_000_000;
export const DEFAULT_MEMORY = defaultSpec('live').live.memory;
/** The default memory M, and a memory long enough for paths of D steps back in time (the k^D worst case). */
export const CASES = [
  ...SIZES.map((size) => ({ size, memory: DEFAULT_MEMORY })),
  { size: 100, memory: 10 },
  { size: 1000, memory: 10 },
];
export const PROBE_STEPS = 5;
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
  /** The engine's recursionSize(): train calls per reward that pass the memory check (the ones that train). */
  recursionSize: number;
  /** Counted here from the structure: every train call of one reward at initialisation, those returning at once too. */
  withinMemory: number;
  /** Recursive mode: the network's lastReinforceCalls, mean over the probe's rewards. */
  callsPerReward?: number;
  /** Recursive mode with recursionSize() over CALL_LIMIT: not run. */
  overLimit?: boolean;
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
export function callsWithinMemory(structure: LiveStructure, memory: number, depth: number): number {
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

/** Mean train calls per reward (the network's own count) over a few rewards once the memory is full. */
function measuredCalls(structure: LiveStructure, memory: number, seed: number): number {
  const network = networkFor(structure, memory, 'recursive', seed);
  const drive = driver(seed);
  for (let i = 0; i < memory; i++) network.propagate(drive.inputs());
  let calls = 0;
  for (let i = 0; i < PROBE_STEPS; i++) {
    network.propagate(drive.inputs());
    network.reinforce([drive.reward()]);
    calls += network.lastReinforceCalls;
  }
  return calls / PROBE_STEPS;
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
      const recursive = update === 'recursive';
      const overLimit = recursive && base.recursionSize > CALL_LIMIT;
      const row: LiveSpeedRow = {
        ...base,
        update,
        overLimit,
        callsPerReward: recursive && !overLimit ? measuredCalls(structure, memory, seed) : undefined,
        steps: 0,
        seconds: 0,
        stepsPerSecond: NaN,
      };
      if (!overLimit) {
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
    if (memory !== DEFAULT_MEMORY) continue;
    const network = networkFor(structure, memory, 'accumulate', seed);
    const drive = driver(seed);
    const { steps, seconds } = timed(() => network.propagate(drive.inputs()), PROPAGATE_CAP, TIME_CAP_MS / 2);
    propagateOnly.push({ ...base, update: 'accumulate', steps, seconds, stepsPerSecond: steps / seconds });
  }
  return { rows, propagateOnly };
}
