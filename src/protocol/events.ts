/** Things that happened in the engine, for the event log and the animations. */
import type { BackendName } from '../experiment';
import type { SolveKind, StopReason } from './wormhole';

export type EngineEvent =
  | { kind: 'diverged'; step: number; restoredStep: number }
  /** Live: a connection made or removed by reinforcement, with the reward that caused it. */
  | {
      kind: 'rewire';
      change: 'connect' | 'disconnect';
      source: string;
      neuron: string;
      reward: number;
      step: number;
    }
  /** Live: rewirings between two frames beyond the latest few, counted rather than listed (full speed). */
  | { kind: 'rewires-elided'; connects: number; disconnects: number; fromStep: number; step: number }
  /**
   * Wormhole: a training step's forward solve (the fixed point) or adjoint solve (the implicit gradient) that
   * stopped at maxIter or diverged (paused: training was paused).
   */
  | {
      kind: 'solve';
      solve: SolveKind;
      step: number;
      stop: StopReason;
      iterations: number;
      paused: boolean;
    }
  /** Wormhole: unconverged training solves between two frames beyond the latest few, counted (full speed). */
  | {
      kind: 'solves-elided';
      forward: { maxIter: number; diverged: number };
      adjoint: { maxIter: number; diverged: number };
      fromStep: number;
      step: number;
    }
  /** Live: a reward given by the user; the events it caused follow. */
  | { kind: 'reward'; reward: number; step: number }
  | { kind: 'backend-fallback'; wanted: BackendName; reason: string };

/** Events after which training stops on its own (the UI's Play button must follow). */
export const pausesTraining = (event: EngineEvent): boolean =>
  event.kind === 'diverged' || (event.kind === 'solve' && event.paused);
