/** What the event log says of a Live graph edit the user made (moves are not logged: a drag makes one per drop). */
import type { LiveEdit, LiveSpec } from '../experiment';

export interface EditLine {
  text: string;
  /** The edge the line names, for the graph to highlight when the entry is hovered. */
  edge?: string;
}

export function describeEdit(before: LiveSpec, edit: LiveEdit, after: LiveSpec): EditLine | undefined {
  switch (edit.kind) {
    case 'connect':
      return {
        text: `you connected ${edit.source} → ${edit.neuron}`,
        edge: `${edit.source}->${edit.neuron}`,
      };
    case 'disconnect':
      return {
        text: `you removed the edge ${edit.source} → ${edit.neuron}`,
        edge: `${edit.source}->${edit.neuron}`,
      };
    case 'addNeuron': {
      const old = new Set(before.layers.flat());
      const id = after.layers.flat().find((n) => !old.has(n));
      const sources = id ? (after.sources[id] ?? []) : [];
      return {
        text: `you added neuron ${id ?? '?'}${sources.length ? ` (fed by ${sources.join(', ')})` : ''}`,
      };
    }
    case 'removeNeuron':
      return { text: `you deleted neuron ${edit.id} and its edges` };
    case 'move':
      return undefined;
    case 'restore':
      return restoredLine(before, after);
  }
}

/** What an undo changed: the neurons back or gone, else the edges (a move back is not logged, as moves are not). */
function restoredLine(before: LiveSpec, after: LiveSpec): EditLine | undefined {
  const diff = <T>(a: T[], b: T[]) => a.filter((x) => !b.includes(x));
  const [was, is] = [before.layers.flat(), after.layers.flat()];
  const edges = (live: LiveSpec) =>
    Object.entries(live.sources).flatMap(([n, list]) => list.map((s) => `${s}->${n}`));
  const back = diff(is, was).map((id) => `neuron ${id} is back`);
  const gone = diff(was, is).map((id) => `neuron ${id} is gone`);
  const neurons = [...back, ...gone];
  if (neurons.length > 0) return { text: `undo: ${neurons.join(', ')}` };
  const made = diff(edges(after), edges(before));
  const lost = diff(edges(before), edges(after));
  const named = (id: string) => id.replace('->', ' → ');
  const changes = [
    ...made.map((e) => `edge ${named(e)} is back`),
    ...lost.map((e) => `edge ${named(e)} is gone`),
  ];
  if (changes.length === 0) return undefined;
  return {
    text: `undo: ${changes.join(', ')}`,
    edge: changes.length === 1 ? [...made, ...lost][0] : undefined,
  };
}
