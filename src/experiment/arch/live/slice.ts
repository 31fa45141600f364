/** The Dynamic-Live network's part of the experiment spec: its graph (every edit lands here) and options. */
export const LIVE_ACTIVATIONS = ['reference', 'square', 'tanh', 'sigmoid'] as const;
export const LIVE_SHARINGS = ['equal', 'proportional'] as const;
export const LIVE_UPDATES = ['auto', 'recursive', 'accumulate'] as const;
export const LIVE_TASKS = ['temporal-xor', 'delayed-recall', 'parity', 'delayed-reward', '2d'] as const;
export const LIVE_REWARDS = ['target', 'reference'] as const;

export type LiveTaskKind = (typeof LIVE_TASKS)[number];

export interface LiveSpec {
  /** Neuron ids in firing order: the first layer holds the inputs, the last the outputs. */
  layers: string[][];
  /** Allowed sources of each non-input neuron, in order; any neuron may be a source (cycles, self-loops). */
  sources: Record<string, string[]>;
  /** Where the user dragged neurons, in graph units; neurons not listed sit in their layer's column. */
  positions: Record<string, [number, number]>;
  activation: (typeof LIVE_ACTIVATIONS)[number];
  /** How many past steps each neuron remembers (M). */
  memory: number;
  lr: number;
  /** Reinforcement depth D: how far rewards travel back through sources. */
  depth: number;
  sharing: (typeof LIVE_SHARINGS)[number];
  /** "auto": recursive while the recursion stays small, else accumulate (linear cost). */
  update: (typeof LIVE_UPDATES)[number];
  /** Probability that an unconnected allowed source reconnects after a negative reward. */
  pRewire: number;
  task: LiveTaskKind;
  /** Temporal XOR and recall look this many steps back; the delayed-reward task pays this late. */
  delay: number;
  /** Parity of the last n bits. */
  bits: number;
  /** "target": 1 - 2|y - target|; "reference": the reference example's target-blind (y - 0.5) * 2. */
  reward: (typeof LIVE_REWARDS)[number];
}

export const LIVE_LIMITS = {
  neurons: 1000,
  edges: 20000,
  memory: { min: 1, max: 32 },
  depth: { min: 1, max: 20 },
  lr: { min: 0, max: 10 },
  pRewire: { min: 0, max: 1 },
  delay: { min: 1, max: 16 },
  bits: { min: 2, max: 8 },
} as const;

/** The input neurons a task feeds: one bit stream, or the two coordinates of a 2-D point. */
export const liveInputsFor = (task: LiveTaskKind): string[] => (task === '2d' ? ['x1', 'x2'] : ['in']);

/** The reference example: one input, three hidden neurons (one remembering the input), one output. */
export function defaultLiveSpec(): LiveSpec {
  return {
    layers: [['in'], ['h0', 'h1', 'h2'], ['out']],
    sources: { h0: ['in'], h1: ['in', 'h0'], h2: ['in', 'h0'], out: ['h1', 'h2'] },
    positions: {},
    activation: 'reference',
    memory: 3,
    lr: 0.1,
    depth: 10,
    sharing: 'equal',
    update: 'auto',
    pRewire: 0.1,
    task: 'temporal-xor',
    delay: 1,
    bits: 2,
    reward: 'target',
  };
}

const ID = /^[A-Za-z][A-Za-z0-9_.]{0,31}$/;

/** Why a Live graph is not valid, or undefined when it is. Shared by validation, the engine and edits. */
export function liveGraphProblem(live: Pick<LiveSpec, 'layers' | 'sources'>): string | undefined {
  const { layers, sources } = live;
  if (!Array.isArray(layers) || layers.length < 2) return 'the network needs an input and an output layer';
  const ids = layers.flat();
  if (ids.length > LIVE_LIMITS.neurons) return `at most ${LIVE_LIMITS.neurons} neurons`;
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
  if (edges > LIVE_LIMITS.edges) return `at most ${LIVE_LIMITS.edges} connections`;
  return undefined;
}
