/** The Live network's graph and neuron positions: their checks (shared by validation, edits and the engine). */
import { isRecord, type RandomSource } from '../../fields';

export const LIVE_MAX_NEURONS = 1000;
export const LIVE_MAX_EDGES = 20000;

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

/** The input neurons a task feeds: one bit stream, or the two coordinates of a 2-D point. */
export const liveInputsFor = (task: LiveTaskKind): string[] => (task === '2d' ? ['x1', 'x2'] : ['in']);

/** The reference example: one input, three hidden neurons (one remembering the input), one output. */
export const defaultLiveGraph = (): LiveGraph => ({
  layers: [['in'], ['h0', 'h1', 'h2'], ['out']],
  sources: { h0: ['in'], h1: ['in', 'h0'], h2: ['in', 'h0'], out: ['h1', 'h2'] },
});

const ID = /^[A-Za-z][A-Za-z0-9_.]{0,31}$/;

/** Why a Live graph is not valid, or undefined when it is. */
export function liveGraphProblem(live: LiveGraph): string | undefined {
  const { layers, sources } = live;
  if (!Array.isArray(layers) || layers.length < 2) return 'the network needs an input and an output layer';
  const ids = layers.flat();
  if (ids.length > LIVE_MAX_NEURONS) return `at most ${LIVE_MAX_NEURONS} neurons`;
  if (layers.some((l) => !Array.isArray(l) || l.length === 0)) return 'a layer is empty';
  if (!ids.every((id) => typeof id === 'string' && ID.test(id)))
    return 'a neuron id is not a short plain name';
  if (new Set(ids).size !== ids.length) return 'two neurons have the same id';
  const known = new Set(ids);
  const inputs = new Set(layers[0]);
  let edges = 0;
  for (const [neuron, list] of Object.entries(sources ?? {})) {
    if (!known.has(neuron)) return `sources are given for an unknown neuron ${neuron}`;
    if (inputs.has(neuron)) return `input neuron ${neuron} cannot receive connections`;
    if (!Array.isArray(list) || !list.every((s) => known.has(s))) return `${neuron} has an unknown source`;
    if (new Set(list).size !== list.length) return `${neuron} lists a source twice`;
    edges += list.length;
  }
  if (edges > LIVE_MAX_EDGES) return `at most ${LIVE_MAX_EDGES} connections`;
  return undefined;
}

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
      next.set(
        id,
        1 + (d > 1 ? (graph.sources[id] ?? []).reduce((s, src) => s + (calls.get(src) ?? 0), 0) : 0),
      );
    calls = next;
  }
  return graph.layers[graph.layers.length - 1].reduce((s, id) => s + (calls.get(id) ?? 0), 0);
}

/** The graph from untrusted data; it must be valid and fed by the task's inputs, else the default one. */
export function readLiveGraph(
  raw: Record<string, unknown>,
  task: LiveTaskKind,
  problems: string[],
): LiveGraph {
  let graph = defaultLiveGraph();
  if (raw.layers !== undefined || raw.sources !== undefined) {
    const candidate = { layers: raw.layers ?? graph.layers, sources: raw.sources ?? {} } as LiveGraph;
    const problem = liveGraphProblem(candidate);
    if (problem) problems.push(`the Live network: ${problem}`);
    else graph = structuredClone(candidate);
  }
  const inputs = liveInputsFor(task);
  if (graph.layers[0].join() === inputs.join()) return graph;
  problems.push(`the Live task ${task} needs the inputs ${inputs.join(', ')}`);
  return defaultLiveGraph();
}

/** Neuron positions: finite pairs for known neurons; anything else is dropped with one problem. */
export function readPositions(v: unknown, ids: string[], problems: string[]): LivePositions {
  if (v === undefined) return {};
  const out: LivePositions = {};
  let bad = !isRecord(v);
  for (const [id, p] of Object.entries(isRecord(v) ? v : {})) {
    const ok =
      ids.includes(id) &&
      Array.isArray(p) &&
      p.length === 2 &&
      p.every((c) => Number.isFinite(c) && Math.abs(c) < 1e4);
    if (ok) out[id] = [p[0], p[1]];
    else bad = true;
  }
  if (bad) problems.push('some neuron positions were not valid and were dropped');
  return out;
}

/** A random valid graph for a task: up to 3 hidden layers, any neuron a possible source (cycles, self-loops). */
export function randomLiveGraph(rng: RandomSource, task: LiveTaskKind): LiveGraph {
  let next = 0;
  const hidden = Array.from({ length: rng.int(4) }, () =>
    Array.from({ length: 1 + rng.int(4) }, () => `h${next++}`),
  );
  const layers = [liveInputsFor(task), ...hidden, ['out']];
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
