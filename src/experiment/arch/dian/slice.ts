/** The Dynamic Input Activation network's part of the experiment spec (docs/DESIGN.md 1.1): scalars only. */
import { defaultsOf, field, randomFields, readFields, type ValuesOf } from '../../fields';
import { LAYER_WIDTH } from '../../hiddenLayers';
import type { ArchitectureSlice } from '../../slice';

export const DIAN_SOURCES = ['x', 'h1'] as const;
export const DIAN_ITERATIONS = ['step', 'epoch'] as const;
export const DIAN_SCHEDULES = ['periodic', 'always', 'never'] as const;
export const FINAL_ACTIVATIONS = ['none', 'relu'] as const;
export const GATE_POLICIES = ['on', 'off', 'parity'] as const;
export const DIAN_COUNTINGS = ['from1', 'from0'] as const;
export const DIAN_INITS = ['glorot', 'pytorch'] as const;
export type GatePolicy = (typeof GATE_POLICIES)[number];

/** Relu layers 1 and 2, and a gated extra input into layer 3. */
export const DIAN_FIELDS = {
  layer1: field.integer({
    name: 'dian.layer1',
    label: 'Layer 1 width',
    unit: 'neurons',
    ...LAYER_WIDTH,
    default: 8,
  }),
  layer2: field.integer({
    name: 'dian.layer2',
    label: 'Layer 2 width',
    unit: 'neurons',
    ...LAYER_WIDTH,
    default: 8,
  }),
  /** The extra path is active on iterations t with t mod period == 0. */
  period: field.integer({ name: 'dian.period', label: 'Period', min: 1, max: 100, default: 2 }),
  /** What counts as an iteration t: the training step (1, 2, ...) or the epoch the step belongs to. */
  iteration: field.oneOf({
    name: 'dian.iteration',
    label: 'Iteration',
    options: DIAN_ITERATIONS,
    default: 'step',
  }),
  /**
   * How iterations are numbered: from 1 (this playground's step counter: with period 2 the gate opens on even
   * steps) or from 0 as in the paper's training loop (`for t in range(...)`: the gate opens on the first step).
   */
  counting: field.oneOf({
    name: 'dian.counting',
    label: 'Count iterations',
    options: DIAN_COUNTINGS,
    default: 'from1',
  }),
  /**
   * How the weights start: Glorot-normal kernels and zero biases (this playground), or PyTorch's default for
   * nn.Linear (the reference code's): kernel and bias uniform in +-1/sqrt(fan in).
   */
  init: field.oneOf({ name: 'dian.init', label: 'Initialisation', options: DIAN_INITS, default: 'glorot' }),
  /** Where the extra path reads from: the input x or layer 1's output. */
  source: field.oneOf({
    name: 'dian.source',
    label: 'Extra path source',
    options: DIAN_SOURCES,
    default: 'x',
  }),
  /** On the output: none (a logit, the default) or relu as in the reference code. */
  finalActivation: field.oneOf({
    name: 'dian.finalActivation',
    label: 'Final activation',
    options: FINAL_ACTIVATIONS,
    default: 'none',
  }),
  /** How the gate is used when not training (heatmap, test metrics): forced on, forced off, or by step parity. */
  evaluation: field.oneOf({
    name: 'dian.evaluation',
    label: 'Gate when evaluating',
    options: GATE_POLICIES,
    default: 'on',
  }),
  /** Ablations: the published periodic schedule, the gate active on every step, or never. */
  schedule: field.oneOf({
    name: 'dian.schedule',
    label: 'Schedule',
    options: DIAN_SCHEDULES,
    default: 'periodic',
  }),
};

export type DianSpec = ValuesOf<typeof DIAN_FIELDS>;

export const DIAN_SLICE: ArchitectureSlice<DianSpec> = {
  name: 'Dynamic Input Activation network',
  fields: DIAN_FIELDS,
  defaults: () => defaultsOf(DIAN_FIELDS),
  read: (raw, _, problems) => readFields(DIAN_FIELDS, raw, problems, 'dian'),
  random: (rng) => randomFields(DIAN_FIELDS, rng),
};
