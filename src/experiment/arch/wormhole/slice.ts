/** The Fixed-Point Wormhole network's part of the experiment spec (docs/DESIGN.md 1.3). */
import { defaultsOf, field, randomFields, readFields, type RandomSource, type ValuesOf } from '../../fields';
import { randomWidths, readWidths } from '../../hiddenLayers';
import type { ArchitectureSlice } from '../../slice';

export const WORMHOLE_SOLVERS = ['plain', 'anderson', 'safeguarded'] as const;
export const WORMHOLE_GRADIENTS = ['implicit', 'unrolled'] as const;
/** 'relu' is the first hard gate, max(0, z) (links of schema 1 that said 'hard'). */
export const WORMHOLE_GATES = ['soft', 'hard', 'relu'] as const;
export const WORMHOLE_ACTIVATIONS = ['tanh', 'relu'] as const;
export const RESIDUAL_KINDS = ['rel', 'abs'] as const;
export const NONCONVERGENCE_POLICIES = ['continue', 'pause'] as const;

export const MAX_WORMHOLES = 16;
/** The forward solve and the adjoint solve take the same ranges. */
const TOLERANCE = { min: 1e-12, max: 0.5 };
const ITERATIONS = { min: 1, max: 500 };

export const WORMHOLE_FIELDS = {
  gate: field.oneOf({ name: 'wormhole.gate', label: 'Gates', options: WORMHOLE_GATES, default: 'soft' }),
  /** Initial gate bias d: -4 keeps a soft gate nearly closed and a hard (or relu) gate exactly closed. */
  gateBias: field.number({
    name: 'wormhole.gateBias',
    label: 'Gate bias at start',
    min: -20,
    max: 20,
    default: -4,
  }),
  activation: field.oneOf({
    name: 'wormhole.activation',
    label: 'Wormhole activation',
    options: WORMHOLE_ACTIVATIONS,
    default: 'tanh',
  }),
  solver: field.oneOf({
    name: 'wormhole.solver',
    label: 'Solver',
    options: WORMHOLE_SOLVERS,
    default: 'safeguarded',
  }),
  tol: field.number({ name: 'wormhole.tol', label: 'Tolerance', ...TOLERANCE, default: 1e-4 }),
  residual: field.oneOf({
    name: 'wormhole.residual',
    label: 'Residual',
    options: RESIDUAL_KINDS,
    default: 'rel',
  }),
  maxIter: field.integer({ name: 'wormhole.maxIter', label: 'Max iterations', ...ITERATIONS, default: 40 }),
  /** Plain iteration: H <- (1 - damping) H + damping Phi(H). Anderson mixes with it too. */
  damping: field.number({ name: 'wormhole.damping', label: 'Damping', min: 0.01, max: 1, default: 1 }),
  andersonM: field.integer({ name: 'wormhole.andersonM', label: 'Anderson m', min: 1, max: 20, default: 6 }),
  andersonLambda: field.number({
    name: 'wormhole.andersonLambda',
    label: 'Anderson λ',
    min: 0,
    max: 1,
    default: 1e-4,
  }),
  gradient: field.oneOf({
    name: 'wormhole.gradient',
    label: 'Gradient',
    options: WORMHOLE_GRADIENTS,
    default: 'implicit',
  }),
  adjointTol: field.number({
    name: 'wormhole.adjointTol',
    label: 'Adjoint tolerance',
    ...TOLERANCE,
    default: 1e-6,
  }),
  /** The adjoint solve's solver (it shares Anderson's m and λ; its plain iteration is never damped). */
  adjointSolver: field.oneOf({
    name: 'wormhole.adjointSolver',
    label: 'Adjoint solver',
    options: WORMHOLE_SOLVERS,
    default: 'safeguarded',
  }),
  adjointMaxIter: field.integer({
    name: 'wormhole.adjointMaxIter',
    label: 'Adjoint max iterations',
    ...ITERATIONS,
    default: 40,
  }),
  /** What training does when a solve stops at maxIter or diverges. */
  onNonConvergence: field.oneOf({
    name: 'wormhole.onNonConvergence',
    label: 'When a solve does not converge',
    options: NONCONVERGENCE_POLICIES,
    default: 'continue',
  }),
};

/** A gated backward connection from layer `from` to the earlier layer `to` (1 <= to < from <= L). */
export interface Wormhole {
  from: number;
  to: number;
}

export interface WormholeSpec extends ValuesOf<typeof WORMHOLE_FIELDS> {
  /** Hidden layer widths; the output layer (1 unit) is layer L = hidden.length + 1. */
  hidden: number[];
  wormholes: Wormhole[];
}

/** Why a set of wormholes is not valid for L layers, or undefined. */
export function wormholeProblem(wormholes: unknown, layerCount: number): string | undefined {
  if (!Array.isArray(wormholes)) return 'wormholes must be a list';
  if (wormholes.length > MAX_WORMHOLES) return `at most ${MAX_WORMHOLES} wormholes`;
  const seen = new Set<string>();
  for (const w of wormholes as Wormhole[]) {
    const ok =
      w &&
      Number.isInteger(w.from) &&
      Number.isInteger(w.to) &&
      w.to >= 1 &&
      w.from > w.to &&
      w.from <= layerCount;
    if (!ok) return `a wormhole must go from a later layer to an earlier one (1..${layerCount})`;
    if (seen.has(`${w.from}->${w.to}`)) return `the wormhole ${w.from} -> ${w.to} is listed twice`;
    seen.add(`${w.from}->${w.to}`);
  }
  return undefined;
}

const DEFAULT_HIDDEN = [6, 6];
const DEFAULT_WORMHOLES: Wormhole[] = [{ from: 3, to: 1 }];

/** The wormholes from untrusted data; when invalid, the default ones that fit the layers. */
function readWormholes(v: unknown, layerCount: number, problems: string[]): Wormhole[] {
  if (v !== undefined) {
    const problem = wormholeProblem(v, layerCount);
    if (problem === undefined) return (v as Wormhole[]).map(({ from, to }) => ({ from, to }));
    problems.push(`wormhole.wormholes: ${problem}`);
  }
  return DEFAULT_WORMHOLES.filter((w) => w.from <= layerCount).map((w) => ({ ...w }));
}

/** Each possible backward connection in a random order, kept with probability 1/3, at most MAX_WORMHOLES. */
function randomWormholes(rng: RandomSource, layerCount: number): Wormhole[] {
  const all: Wormhole[] = [];
  for (let from = 2; from <= layerCount; from++) for (let to = 1; to < from; to++) all.push({ from, to });
  const kept = all.filter(() => rng.int(3) === 0);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [kept[i], kept[j]] = [kept[j], kept[i]];
  }
  return kept.slice(0, MAX_WORMHOLES);
}

export const WORMHOLE_SLICE: ArchitectureSlice<WormholeSpec> = {
  name: 'Fixed-Point Wormhole network',
  fields: WORMHOLE_FIELDS,
  defaults: () => ({
    hidden: [...DEFAULT_HIDDEN],
    wormholes: DEFAULT_WORMHOLES.map((w) => ({ ...w })),
    ...defaultsOf(WORMHOLE_FIELDS),
  }),
  read: (raw, _, problems) => {
    const hidden = readWidths(raw.hidden, DEFAULT_HIDDEN, problems, 'wormhole.hidden');
    const wormholes = readWormholes(raw.wormholes, hidden.length + 1, problems);
    return { hidden, wormholes, ...readFields(WORMHOLE_FIELDS, raw, problems, 'wormhole') };
  },
  random: (rng) => {
    const hidden = randomWidths(rng);
    return {
      hidden,
      wormholes: randomWormholes(rng, hidden.length + 1),
      ...randomFields(WORMHOLE_FIELDS, rng),
    };
  },
};
