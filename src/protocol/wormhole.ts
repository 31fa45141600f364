/** The Fixed-Point Wormhole's solve traces, as the engine reports them and the convergence view replays them. */
export type StopReason = 'tol' | 'maxIter' | 'diverged';
/** The two solves of a training step: the fixed point, and the adjoint fixed point of its implicit gradient. */
export type SolveKind = 'forward' | 'adjoint';

/** Training solves that stopped at maxIter or diverged, counted since the session started. */
export interface SolveFailures {
  forward: number;
  adjoint: number;
}

export interface FixedPointTrace {
  iterations: number;
  stop: StopReason;
  /** Per iteration: the largest residual over the batch. */
  absResidual: number[];
  relResidual: number[];
  /** Per iteration, per layer: the largest ||Phi(X)_l - X_l|| over the batch. */
  layerResiduals: number[][];
  /** Per iteration, per wormhole: the mean gate value over the batch. */
  gates: number[][];
}

export interface AdjointTrace {
  iterations: number;
  stop: StopReason;
  /** Per iteration: the largest ||u_{k+1} - u_k|| over the batch. */
  residual: number[];
}

/** One sample's solve, sweep by sweep, for the convergence view. */
export interface FixedPointReplay extends FixedPointTrace {
  point: [number, number];
  /** The flattened layer states after each sweep. */
  states: number[][];
  widths: number[];
  tol: number;
  residualKind: 'abs' | 'rel';
  /** The last training step's solves: its batch's forward trace and (implicit mode) its adjoint trace. */
  training?: { forward: { iterations: number; stop: StopReason }; adjoint?: AdjointTrace };
}

/** What the sweeps map shows (engine/arch/wormhole/sweepsRelations.ts): rank correlations over its grid. */
export interface SweepsRelations {
  /** Spearman's rho of each point's sweeps with its distance to the decision boundary (NaN: no boundary). */
  boundaryDistance: number;
  /** Spearman's rho of each point's sweeps with its gate value at the fixed point (NaN: no wormholes). */
  gate: number;
  minSweeps: number;
  maxSweeps: number;
}
