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
  }
}
