/**
 * The Live network's graph and neuron positions: their checks (shared by validation, edits and the engine).
 *
 * Issue 13, K output neurons: the 2-D reward task ('2d') draws the points of the Data panel's task, which may be a
 * bundled table (iris: 4 inputs, 3 classes; digits: 64 inputs, 10 classes). Its inputs are then x1..xd (one per
 * column) and, for K > 2 classes, the output layer holds K neurons out0..out(K-1), one per class (one-vs-rest);
 * two classes keep the one output `out` (target 0/1), as before. The graph's output count is checked against the
 * task where the graph is read (readLiveGraph); edits never change it.
 */
import { isDataTask, type TaskKind } from '../../kinds';
import { isRecord, type RandomSource } from '../../fields';
import { LIVE_MAX_EDGES, LIVE_MAX_NEURONS, quote } from '../../limits';
import { nameRecord, own } from '../../names';

/** The reward tasks; a task decides the input neurons. */
export const LIVE_TASKS = ['temporal-xor', 'delayed-recall', 'parity', 'delayed-reward', '2d'] as const;
export type LiveTaskKind = (typeof LIVE_TASKS)[number];

export interface LiveGraph {
  /** Neuron ids in firing order: the first layer holds the inputs, the last the outputs. */
  layers: string[][];
  /** Allowed sources of each non-input neuron, in order; any neuron may be a source (cycles, self-loops). */
  sources: Record<string, string[]>;
}

/** Where the user dragged neurons, in graph units; neurons not listed sit in their layer's column. */
export type LivePositions = Record<string, [number, number]>;

/**
 * The bundled tables the 2-D reward task takes: inputs and classes (engine/arch/live/tasks.test.ts checks them
 * against the tables, which the experiment layer does not load). The user's CSV is not taken yet.
 */
export const LIVE_DATA_SHAPES = { iris: { inputs: 4, classes: 3 }, digits: { inputs: 64, classes: 10 } };
type LiveDataKind = keyof typeof LIVE_DATA_SHAPES;

/** Whether the Live network can take this data task (iris and digits: yes; the user's CSV: not yet). */
export const liveTakesData = (kind: TaskKind): boolean => !isDataTask(kind) || kind in LIVE_DATA_SHAPES;

const shapeOf = (task: LiveTaskKind, data?: TaskKind) =>
  task === '2d' && data !== undefined && data in LIVE_DATA_SHAPES
    ? LIVE_DATA_SHAPES[data as LiveDataKind]
    : undefined;

/** The input neurons a task feeds: one bit stream, the two coordinates of a 2-D point, or a table's columns. */
export function liveInputsFor(task: LiveTaskKind, data?: TaskKind): string[] {
  if (task !== '2d') return ['in'];
  const shape = shapeOf(task, data);
  return shape ? Array.from({ length: shape.inputs }, (_, i) => `x${i + 1}`) : ['x1', 'x2'];
}

/** The classes a task's answers fall into (2 for the bit streams and the 2-D tasks). */
export const liveClassesOf = (task: LiveTaskKind, data?: TaskKind): number =>
  shapeOf(task, data)?.classes ?? 2;

/** The output neurons: `out` for two classes (target 0/1); out0..out(K-1) for K > 2 classes, one per class. */
export function liveOutputsFor(task: LiveTaskKind, data?: TaskKind): string[] {
  const k = liveClassesOf(task, data);
  return k > 2 ? Array.from({ length: k }, (_, i) => `out${i}`) : ['out'];
}

/** The reference example: one input, three hidden neurons (one remembering the input), one output. */
export const defaultLiveGraph = (): LiveGraph => ({
  layers: [['in'], ['h0', 'h1', 'h2'], ['out']],
  sources: { h0: ['in'], h1: ['in', 'h0'], h2: ['in', 'h0'], out: ['h1', 'h2'] },
});

/**
 * The reference example's graph fed by the task's inputs (each edge from "in" comes from every input). With K > 2
 * classes each of the K outputs reads the inputs as well as h1 and h2: outputs reading only h1 and h2 are all
 * functions of the one ratio h1 / (h1 + h2) (weights sum to 1), and their argmax could name two classes at most.
 */
export function defaultLiveGraphFor(task: LiveTaskKind, data?: TaskKind): LiveGraph {
  const { layers, sources } = defaultLiveGraph();
  const inputs = liveInputsFor(task, data);
  const outputs = liveOutputsFor(task, data);
  const fed = Object.entries(sources)
    .filter(([id]) => id !== 'out')
    .map(([id, list]) => [id, list.flatMap((s) => (s === 'in' ? inputs : [s]))] as [string, string[]]);
  const reads = outputs.length > 1 ? [...inputs, ...sources.out] : sources.out;
  const out = outputs.map((id) => [id, reads] as [string, string[]]);
  return { layers: [inputs, ...layers.slice(1, -1), outputs], sources: nameRecord([...fed, ...out]) };
}

const ID = /^[A-Za-z][A-Za-z0-9_.]{0,31}$/;
/** Listing stops after this many problems of one graph (a hostile one can have 20,000). */
const MAX_GRAPH_PROBLEMS = 8;

/** The sources a neuron may receive from (none listed: none); a name like `constructor` is no exception. */
export const sourcesOf = (graph: Pick<LiveGraph, 'sources'>, id: string): string[] =>
  own(graph.sources, id) ?? [];

const what = (v: unknown) =>
  typeof v === 'string' ? `"${quote(v)}"` : Array.isArray(v) ? 'a list' : String(v);

/** Each way the layers are not valid, by path (`live.layers[1][0]: ...`), and the neuron ids when they are. */
function layerProblems(layers: unknown, problems: string[]): string[] | undefined {
  if (!Array.isArray(layers) || layers.length < 2)
    return void problems.push('live.layers: the network needs an input and an output layer');
  const count = layers.reduce((n: number, l) => n + (Array.isArray(l) ? l.length : 0), 0);
  if (count > LIVE_MAX_NEURONS) return void problems.push(`live.layers: at most ${LIVE_MAX_NEURONS} neurons`);
  const ids = new Set<string>();
  layers.forEach((layer: unknown, i) => {
    if (!Array.isArray(layer) || layer.length === 0)
      return problems.push(`live.layers[${i}]: a layer is empty or not a list of neuron ids`);
    layer.forEach((id: unknown, j) => {
      if (typeof id !== 'string' || !ID.test(id))
        problems.push(
          `live.layers[${i}][${j}]: ${what(id)} is not a neuron id (a letter, then up to 31 letters, digits, _ or .)`,
        );
      else if (ids.has(id)) problems.push(`live.layers[${i}][${j}]: two neurons have the same id ${id}`);
      else ids.add(id);
    });
  });
  return problems.length > 0 ? undefined : [...ids];
}

/** Each way the sources are not valid for these neurons, by path (`live.sources.h0[0]: not a neuron id`). */
function sourceProblems(sources: unknown, ids: string[], inputs: Set<string>, problems: string[]): void {
  if (!isRecord(sources)) return void problems.push('live.sources: not an object of lists of neuron ids');
  const known = new Set(ids);
  let edges = 0;
  for (const [neuron, list] of Object.entries(sources)) {
    const at = `live.sources.${quote(neuron)}`;
    if (!known.has(neuron)) problems.push(`${at}: sources are given for an unknown neuron`);
    else if (inputs.has(neuron)) problems.push(`${at}: input neuron ${neuron} cannot receive connections`);
    else if (!Array.isArray(list)) problems.push(`${at}: not a list of neuron ids`);
    else {
      const seen = new Set<unknown>();
      list.forEach((s: unknown, k) => {
        if (typeof s !== 'string' || !known.has(s))
          problems.push(`${at}[${k}]: ${what(s)} is not a neuron id of the network`);
        else if (seen.has(s)) problems.push(`${at}[${k}]: ${neuron} lists the source ${s} twice`);
        seen.add(s);
      });
      edges += list.length;
    }
    if (problems.length >= MAX_GRAPH_PROBLEMS) return;
  }
  if (edges > LIVE_MAX_EDGES) problems.push(`live.sources: at most ${LIVE_MAX_EDGES} connections`);
}

/** Every way a Live graph (untrusted, any shape) is not valid, each named by its path; empty when it is. */
export function liveGraphProblems(live: { layers: unknown; sources: unknown }): string[] {
  const problems: string[] = [];
  const ids = layerProblems(live.layers, problems);
  if (ids) sourceProblems(live.sources, ids, new Set((live.layers as string[][])[0]), problems);
  return problems.slice(0, MAX_GRAPH_PROBLEMS);
}

/** Why a Live graph is not valid (its first problem), or undefined when it is. */
export const liveGraphProblem = (live: LiveGraph): string | undefined => liveGraphProblems(live)[0];

/**
 * An upper bound on the train calls one reward makes when nothing cuts a path short (as the beta code trains):
 * one per path of up to `depth` neurons from an output through allowed sources; input neurons end a path and
 * are not counted. Only weights <= 0 cut a path, so a network whose weights are all > 0 makes exactly this.
 */
export function liveCallBound(graph: LiveGraph, depth: number): number {
  const inputs = new Set(graph.layers[0]);
  const ids = graph.layers.flat().filter((id) => !inputs.has(id));
  let calls = new Map<string, number>();
  for (let d = 1; d <= depth; d++) {
    const next = new Map<string, number>();
    for (const id of ids)
      next.set(id, 1 + (d > 1 ? sourcesOf(graph, id).reduce((s, src) => s + (calls.get(src) ?? 0), 0) : 0));
    calls = next;
  }
  return graph.layers[graph.layers.length - 1].reduce((s, id) => s + (calls.get(id) ?? 0), 0);
}

/**
 * Why the graph's outputs do not fit the task, or undefined: a reward is given to each output neuron, one per
 * class (one for two classes). Before issue 13 a second output got no reward at all (undefined, which trained
 * every weight it reached to NaN); now the session gives each output its own, and the count must match.
 */
export function liveOutputProblem(
  layers: readonly unknown[],
  task: LiveTaskKind,
  data?: TaskKind,
): string | undefined {
  const k = liveOutputsFor(task, data).length;
  const last = layers[layers.length - 1];
  const have = Array.isArray(last) ? last.length : k;
  if (have === k) return undefined;
  const at = `live.layers[${layers.length - 1}]`;
  return k === 1
    ? `${at}: one output neuron (each reward task judges one output)`
    : `${at}: ${k} output neurons for ${k} classes (${data}; one per class, not ${have})`;
}

/**
 * The graph from untrusted data; it must be valid, fed by the task's inputs and have its outputs (one per class
 * for K > 2 classes), else the default one for the task.
 */
export function readLiveGraph(
  raw: Record<string, unknown>,
  task: LiveTaskKind,
  problems: string[],
  data?: TaskKind,
): LiveGraph {
  let graph = defaultLiveGraph();
  let refused = false;
  if (raw.layers !== undefined || raw.sources !== undefined) {
    const candidate = {
      layers: raw.layers === undefined ? graph.layers : raw.layers,
      sources: raw.sources === undefined ? {} : raw.sources,
    };
    const found = liveGraphProblems(candidate);
    problems.push(...found);
    refused = found.length > 0;
    // Said even when the graph has other problems (it is replaced by the default then).
    const outputs = Array.isArray(candidate.layers) && liveOutputProblem(candidate.layers, task, data);
    if (found.length > 0 && outputs) problems.push(outputs);
    if (found.length === 0) {
      const { layers, sources } = candidate as LiveGraph;
      const copied = Object.entries(sources).map(([id, list]) => [id, [...list]] as [string, string[]]);
      graph = { layers: layers.map((l) => [...l]), sources: nameRecord(copied) };
    }
  }
  const inputs = liveInputsFor(task, data);
  const fed = graph.layers[0].join() === inputs.join();
  const outputProblem = liveOutputProblem(graph.layers, task, data);
  if (fed && !outputProblem) return graph;
  const named =
    inputs.length > 4 ? `${inputs.slice(0, 2).join(', ')}, …, ${inputs.at(-1)}` : inputs.join(', ');
  const on = shapeOf(task, data) ? ` on ${data}` : '';
  if (!fed) problems.push(`live.layers[0]: the Live task ${task}${on} needs the inputs ${named}`);
  if (outputProblem && !refused) problems.push(outputProblem);
  return defaultLiveGraphFor(task, data);
}

/** Neuron positions: finite pairs for known neurons; anything else is dropped with one problem. */
export function readPositions(v: unknown, ids: string[], problems: string[]): LivePositions {
  if (v === undefined) return nameRecord([]);
  const known = new Set(ids);
  const kept: [string, [number, number]][] = [];
  let bad = !isRecord(v);
  for (const [id, p] of Object.entries(isRecord(v) ? v : {})) {
    const ok =
      known.has(id) &&
      Array.isArray(p) &&
      p.length === 2 &&
      p.every((c) => typeof c === 'number' && Number.isFinite(c) && Math.abs(c) < 1e4);
    if (ok) kept.push([id, [p[0], p[1]]]);
    else bad = true;
  }
  if (bad) problems.push('live.positions: some neuron positions were not valid and were dropped');
  return nameRecord(kept);
}

/** A random valid graph for a task: up to 3 hidden layers, any neuron a possible source (cycles, self-loops). */
export function randomLiveGraph(rng: RandomSource, task: LiveTaskKind, data?: TaskKind): LiveGraph {
  let next = 0;
  const hidden = Array.from({ length: rng.int(4) }, () =>
    Array.from({ length: 1 + rng.int(4) }, () => `h${next++}`),
  );
  const layers = [liveInputsFor(task, data), ...hidden, liveOutputsFor(task, data)];
  const ids = layers.flat();
  const receivers = layers.slice(1).flat();
  const sources = Object.fromEntries(receivers.map((n) => [n, ids.filter(() => rng.next() < 0.3)]));
  return { layers, sources };
}

/** Random drag positions for some of the neurons, within the graph's area. */
export const randomPositions = (rng: RandomSource, ids: string[]): LivePositions =>
  Object.fromEntries(
    ids.filter(() => rng.next() < 0.3).map((id) => [id, [rng.next() * 600, rng.next() * 400]]),
  );

/**
 * The echo task pays the reward for step t at step t + d and trains step t from memory: with d >= M that step is
 * forgotten, so no reward could ever train (README mode; the beta code keeps d + 1 steps of outputs itself).
 */
export function echoDelayProblem(live: {
  task: LiveTaskKind;
  delay: number;
  memory: number;
  fidelity?: string;
}): string | undefined {
  if (live.task !== 'delayed-reward' || live.fidelity === 'beta' || live.delay < live.memory)
    return undefined;
  return (
    `The echo task rewards each step ${live.delay} steps late, from memory, but the neurons remember only ` +
    `${live.memory} steps (Memory M): no reward would ever arrive. Delay d must be less than Memory M — ` +
    `raise Memory M first, or lower Delay d.`
  );
}
