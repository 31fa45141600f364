/** The Live network's graph and neuron positions: their checks (shared by validation, edits and the engine). */
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

/** The input neurons a task feeds: one bit stream, or the two coordinates of a 2-D point. */
export const liveInputsFor = (task: LiveTaskKind): string[] => (task === '2d' ? ['x1', 'x2'] : ['in']);

/** The reference example: one input, three hidden neurons (one remembering the input), one output. */
export const defaultLiveGraph = (): LiveGraph => ({
  layers: [['in'], ['h0', 'h1', 'h2'], ['out']],
  sources: { h0: ['in'], h1: ['in', 'h0'], h2: ['in', 'h0'], out: ['h1', 'h2'] },
});

/** The reference example's graph fed by the task's inputs (each edge from "in" comes from every input). */
function defaultLiveGraphFor(task: LiveTaskKind): LiveGraph {
  const { layers, sources } = defaultLiveGraph();
  const inputs = liveInputsFor(task);
  const fed = Object.entries(sources).map(
    ([id, list]) => [id, list.flatMap((s) => (s === 'in' ? inputs : [s]))] as [string, string[]],
  );
  return { layers: [inputs, ...layers.slice(1)], sources: nameRecord(fed) };
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
  const outputs = layers.at(-1);
  // Every reward task judges one output; a second one got no reward and trained to NaN.
  if (Array.isArray(outputs) && outputs.length > 1)
    problems.push(
      `live.layers[${layers.length - 1}]: one output neuron (each reward task judges one output)`,
    );
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

/** The graph from untrusted data; it must be valid and fed by the task's inputs, else the default one. */
export function readLiveGraph(
  raw: Record<string, unknown>,
  task: LiveTaskKind,
  problems: string[],
): LiveGraph {
  let graph = defaultLiveGraph();
  if (raw.layers !== undefined || raw.sources !== undefined) {
    const candidate = {
      layers: raw.layers === undefined ? graph.layers : raw.layers,
      sources: raw.sources === undefined ? {} : raw.sources,
    };
    const found = liveGraphProblems(candidate);
    problems.push(...found);
    if (found.length === 0) {
      const { layers, sources } = candidate as LiveGraph;
      const copied = Object.entries(sources).map(([id, list]) => [id, [...list]] as [string, string[]]);
      graph = { layers: layers.map((l) => [...l]), sources: nameRecord(copied) };
    }
  }
  const inputs = liveInputsFor(task);
  if (graph.layers[0].join() === inputs.join()) return graph;
  problems.push(`live.layers[0]: the Live task ${task} needs the inputs ${inputs.join(', ')}`);
  return defaultLiveGraphFor(task);
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
