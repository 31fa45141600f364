/** The Fixed-Point Wormhole network's part of the experiment spec (docs/DESIGN.md 1.3). */
export const WORMHOLE_SOLVERS = ['plain', 'anderson'] as const;
export const WORMHOLE_GRADIENTS = ['implicit', 'unrolled'] as const;
export const WORMHOLE_GATES = ['soft', 'hard'] as const;
export const WORMHOLE_ACTIVATIONS = ['tanh', 'relu'] as const;
export const RESIDUAL_KINDS = ['rel', 'abs'] as const;
export const NONCONVERGENCE_POLICIES = ['continue', 'pause'] as const;

/** A gated backward connection from layer `from` to the earlier layer `to` (1 <= to < from <= L). */
export interface Wormhole {
  from: number;
  to: number;
}

export interface WormholeSpec {
  /** Hidden layer widths; the output layer (1 unit) is layer L = hidden.length + 1. */
  hidden: number[];
  wormholes: Wormhole[];
  gate: (typeof WORMHOLE_GATES)[number];
  /** Initial gate bias d: -4 keeps a soft gate nearly closed and a hard gate exactly closed. */
  gateBias: number;
  activation: (typeof WORMHOLE_ACTIVATIONS)[number];
  solver: (typeof WORMHOLE_SOLVERS)[number];
  tol: number;
  residual: (typeof RESIDUAL_KINDS)[number];
  maxIter: number;
  /** Plain iteration: H <- (1 - damping) H + damping Phi(H). Anderson mixes with it too. */
  damping: number;
  andersonM: number;
  andersonLambda: number;
  gradient: (typeof WORMHOLE_GRADIENTS)[number];
  adjointTol: number;
  adjointMaxIter: number;
  /** What training does when a solve stops at maxIter or diverges. */
  onNonConvergence: (typeof NONCONVERGENCE_POLICIES)[number];
}

export const WORMHOLE_LIMITS = {
  tol: { min: 1e-12, max: 0.5 },
  maxIter: { min: 1, max: 500 },
  damping: { min: 0.01, max: 1 },
  andersonM: { min: 1, max: 20 },
  andersonLambda: { min: 0, max: 1 },
  gateBias: { min: -20, max: 20 },
  wormholes: 16,
} as const;

export function defaultWormholeSpec(): WormholeSpec {
  return {
    hidden: [6, 6],
    wormholes: [{ from: 3, to: 1 }],
    gate: 'soft',
    gateBias: -4,
    activation: 'tanh',
    solver: 'anderson',
    tol: 1e-4,
    residual: 'rel',
    maxIter: 40,
    damping: 1,
    andersonM: 6,
    andersonLambda: 1e-4,
    gradient: 'implicit',
    adjointTol: 1e-6,
    adjointMaxIter: 40,
    onNonConvergence: 'continue',
  };
}

/** Why a set of wormholes is not valid for L layers, or undefined. */
export function wormholeProblem(wormholes: unknown, layerCount: number): string | undefined {
  if (!Array.isArray(wormholes)) return 'wormholes must be a list';
  if (wormholes.length > WORMHOLE_LIMITS.wormholes) return `at most ${WORMHOLE_LIMITS.wormholes} wormholes`;
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
