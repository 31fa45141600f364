/**
 * One step Rewind keeps, and how a session goes back to it. MLP, DIAN and the Wormhole: the weights, the step and
 * the training state (the optimizer's slots and the batch order). Dynamic-Live: the session's checkpoint, which
 * holds more than weights (every neuron's memory, the rewiring and task streams, the rewarded steps' window).
 */
import { sessionOf, type Session } from '../engine';
import type { WeightMap } from '../experiment';
import { carryFrom, sessionFrom } from './savedWeights';

export interface KeptStep {
  step: number;
  /** Puts `session` (the one it was kept from) back to that step; it can be put back again later. */
  putBack(session: Session): Promise<void>;
}

/**
 * This step of the session, or why it is not kept: its weights diverged (no step to go back to), or its training
 * state stays where it trains (the WGSL kernels keep the optimizer's slots on the GPU).
 */
export async function keepStep(session: Session): Promise<KeptStep | 'diverged' | 'unavailable'> {
  if (session.kind === 'live') {
    if (!finite(await session.exportWeights())) return 'diverged';
    const checkpoint = session.checkpoint();
    return {
      step: checkpoint.step,
      putBack: async (s) => sessionOf(s, 'live').restoreCheckpoint(checkpoint),
    };
  }
  const kept = await carryFrom(session);
  if (!finite(kept.weights)) return 'diverged';
  if (!kept.state) return 'unavailable';
  return { step: kept.step, putBack: async (s) => void (await sessionFrom(kept, s)) };
}

const finite = (weights: WeightMap): boolean =>
  Object.values(weights).every((w) => w.values.every(Number.isFinite));
