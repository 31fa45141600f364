/**
 * Edits of the Live network's graph, as pure functions on the spec: the UI applies them to the spec (so links
 * carry them) and the engine to the running network. An impossible edit is refused with a short reason.
 */
import { LIVE_MAX_NEURONS } from '../../limits';
import type { TaskKind } from '../../kinds';
import { nameRecord } from '../../names';
import {
  liveCallBound,
  liveGraphProblem,
  liveGraphProblems,
  liveInputsFor,
  liveOutputsFor,
  readPositions,
  sourcesOf,
  type LiveGraph,
  type LivePositions,
  type LiveTaskKind,
} from './graph';
import type { LiveSpec } from './slice';

export type LiveEdit =
  | { kind: 'connect'; source: string; neuron: string }
  | { kind: 'disconnect'; source: string; neuron: string }
  /** Adds a hidden neuron to hidden layer `layer` (1-based; a new hidden layer when there is none). */
  | { kind: 'addNeuron'; layer: number }
  | { kind: 'removeNeuron'; id: string }
  | { kind: 'move'; id: string; x: number; y: number }
  /**
   * Puts the whole graph back as it was (the undo of an edit): its neurons in their order, each one's sources in
   * theirs, and where they were drawn. The inputs and outputs must be the network's own (edits never change them).
   */
  | ({ kind: 'restore'; positions: LivePositions } & LiveGraph);

/** The restore edit that puts `live`'s graph back (a copy: later edits do not reach it). */
export const restoreOf = (live: LiveSpec): LiveEdit => ({
  kind: 'restore',
  layers: structuredClone(live.layers),
  sources: structuredClone({ ...live.sources }),
  positions: structuredClone({ ...live.positions }),
});

export type EditResult = { live: LiveSpec; error?: undefined } | { error: string; live?: undefined };

export function applyLiveEdit(live: LiveSpec, edit: LiveEdit): EditResult {
  const ids = live.layers.flat();
  const isInput = (id: string) => live.layers[0].includes(id);
  const isOutput = (id: string) => live.layers[live.layers.length - 1].includes(id);
  const next = structuredClone(live);
  switch (edit.kind) {
    case 'connect': {
      if (!ids.includes(edit.source) || !ids.includes(edit.neuron)) return { error: 'Unknown neuron.' };
      if (isInput(edit.neuron))
        return { error: `${edit.neuron} is an input: it cannot receive connections.` };
      const list = sourcesOf(next, edit.neuron);
      if (list.includes(edit.source)) return { error: `${edit.source} → ${edit.neuron} already exists.` };
      next.sources[edit.neuron] = [...list, edit.source];
      break;
    }
    case 'disconnect': {
      const list = sourcesOf(next, edit.neuron);
      if (!list.includes(edit.source)) return { error: `There is no edge ${edit.source} → ${edit.neuron}.` };
      next.sources[edit.neuron] = list.filter((s) => s !== edit.source);
      break;
    }
    case 'addNeuron': {
      if (ids.length >= LIVE_MAX_NEURONS) return { error: `At most ${LIVE_MAX_NEURONS} neurons.` };
      if (next.layers.length === 2) next.layers.splice(1, 0, []);
      const layer = Math.min(Math.max(1, edit.layer), next.layers.length - 2);
      let k = 0;
      while (ids.includes(`h${k}`)) k++;
      next.layers[layer].push(`h${k}`);
      next.sources[`h${k}`] = [...live.layers[0]];
      break;
    }
    case 'removeNeuron': {
      if (!ids.includes(edit.id)) return { error: 'Unknown neuron.' };
      if (isInput(edit.id) || isOutput(edit.id)) return { error: 'Only hidden neurons can be deleted.' };
      next.layers = next.layers.map((l) => l.filter((id) => id !== edit.id)).filter((l) => l.length > 0);
      delete next.sources[edit.id];
      delete next.positions[edit.id];
      for (const n of Object.keys(next.sources))
        next.sources[n] = next.sources[n].filter((s) => s !== edit.id);
      break;
    }
    case 'move':
      if (!ids.includes(edit.id)) return { error: 'Unknown neuron.' };
      if (![edit.x, edit.y].every(Number.isFinite)) return { error: 'A position must be two numbers.' };
      next.positions[edit.id] = [edit.x, edit.y];
      break;
    case 'restore': {
      const restored = restoredGraph(live, edit);
      if (typeof restored === 'string') return { error: restored };
      Object.assign(next, restored);
      break;
    }
  }
  const problem = liveGraphProblem(next) ?? betaRecursionProblem(next);
  return problem ? { error: `Refused: ${problem}.` } : { live: next };
}

/** The graph a restore edit (untrusted: it comes in a message) gives, or why it cannot be put in place. */
function restoredGraph(live: LiveSpec, edit: LiveGraph & { positions: unknown }): Partial<LiveSpec> | string {
  const problems = liveGraphProblems(edit);
  if (problems.length > 0) return `That graph cannot be put back: ${problems[0]}.`;
  const ends = (l: string[][]) => [l[0], l[l.length - 1]].map((ids) => ids.join()).join(' | ');
  if (ends(edit.layers) !== ends(live.layers))
    return 'That graph cannot be put back: its inputs or outputs are not those of this network.';
  const ids = edit.layers.flat();
  const positions = readPositions(edit.positions, ids, problems);
  if (problems.length > 0) return `That graph cannot be put back: ${problems[0]}.`;
  const sources = Object.entries(edit.sources).map(([id, list]) => [id, [...list]] as [string, string[]]);
  return { layers: edit.layers.map((l) => [...l]), sources: nameRecord(sources), positions };
}

/**
 * "As the beta code does" has only the full recursion (no memory cuts it short, no accumulate mode): a network
 * where one reward could make more train calls than this (about 0.1 s of training) is refused.
 */
export const LIVE_BETA_MAX_CALLS = 1_000_000;

/** Why the beta code's recursion is too large for this network, or undefined (always, in README mode). */
export function betaRecursionProblem(live: LiveSpec): string | undefined {
  if (live.fidelity !== 'beta') return undefined;
  const calls = liveCallBound(live, live.depth);
  if (calls <= LIVE_BETA_MAX_CALLS) return undefined;
  return (
    `as the beta code does, one reward could make ${calls.toExponential(1)} train calls (every path of up to ` +
    `D = ${live.depth} neurons, cycles included; it has no accumulate mode): lower the depth D or remove a cycle`
  );
}

/**
 * Another task (or, for the 2-D reward task, another Data task) can need other inputs (one bit, x1 and x2, or a
 * table's x1..xd) and other outputs (one, or one per class for K > 2 classes): edges from the old inputs move to
 * the new ones; when the output count changes the outputs are replaced, each new one reading the inputs and what
 * the first old output read (edges from the old outputs are dropped). Nothing changes when nothing needs to.
 */
export function withLiveTask(live: LiveSpec, task: LiveTaskKind, data?: TaskKind): LiveSpec {
  const oldInputs = live.layers[0];
  const oldOutputs = live.layers[live.layers.length - 1];
  const inputs = liveInputsFor(task, data);
  const wanted = liveOutputsFor(task, data);
  const outputs = wanted.length === oldOutputs.length ? oldOutputs : wanted;
  const gone = new Set([...oldInputs, ...(outputs === oldOutputs ? [] : oldOutputs)]);
  const refit = (list: string[]) => {
    const kept = list.filter((s) => !gone.has(s));
    return list.some((s) => oldInputs.includes(s)) ? [...inputs, ...kept] : kept;
  };
  const entries = Object.entries(live.sources)
    .filter(([n]) => !gone.has(n))
    .map(([n, list]) => [n, refit(list)] as [string, string[]]);
  if (outputs !== oldOutputs) {
    const read = sourcesOf(live, oldOutputs[0]);
    const kept = read.filter((s) => !gone.has(s));
    for (const id of outputs) entries.push([id, outputs.length > 1 ? [...inputs, ...kept] : refit(read)]);
  }
  const positions = Object.fromEntries(Object.entries(live.positions).filter(([id]) => !gone.has(id)));
  const layers = [inputs, ...live.layers.slice(1, -1), outputs];
  // One output per class: the reference firing keeps each output below 0.5 (they share one sum), so the rule
  // punishes the right class's output on its own class and learns away from it (below chance on iris); sigmoid
  // outputs sit above 0.5 and learn (58-79% on iris). A refit to K outputs starts there; the user can change it.
  const activation =
    outputs.length > 1 && oldOutputs.length === 1 && live.activation === 'reference'
      ? 'sigmoid'
      : live.activation;
  return { ...live, task, layers, sources: Object.fromEntries(entries), positions, activation };
}
