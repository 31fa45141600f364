/**
 * Rewind: the weights and training state (optimizer slots, batch order; a Live session's whole checkpoint) kept at
 * log-spaced steps of the run, to look back at any of them and train on from there exactly as the run did (the same
 * continuation a link with its training state gives: src/engine/core/continuation.test.ts; Live:
 * src/engine/arch/live/checkpoint.test.ts).
 *
 * A step is kept when it reaches 5/4 of the last one kept (and at least one more): steps 0, 1, 2, 3, 4, 5, 7, 9, 12,
 * 15, 19, ... (checked after each tick or Step, so while playing the first step trained at or past each mark). Past
 * MAX_KEPT, every second one between the first and the last goes (the old ones then 1.56x apart, the new 1.25x).
 * Weights that diverged are not kept; a weight set by hand (or a Live reward given by hand) drops the steps kept from
 * its step on. A Live graph edit starts the kept steps afresh at its step: the steps before it are another graph.
 * Looking back keeps the later ones (to look forward again); training on from an earlier step drops them: that
 * run's future is gone.
 */
import type { Session } from '../engine';
import type { Post } from './outbox';
import { keepStep, type KeptStep } from './keptStep';

/** How many steps are kept at most (5/4 apart, 60 reach past 600,000 steps before any is thinned out). */
export const MAX_KEPT = 60;
const GROWTH = 1.25;

export class Rewind {
  private kept: KeptStep[] = [];
  private nextAt = 0;
  private enabled = false;
  /** The session was put back to an earlier step: steps kept after it go once training goes on. */
  private lookingBack = false;

  constructor(private post: Post) {}

  /** A new session (a load) or a new Live graph (an edit): keeps this step, the first. */
  async reset(session: Session): Promise<void> {
    this.kept = [];
    this.nextAt = 0;
    this.lookingBack = false;
    this.enabled = true;
    await this.trained(session);
  }

  /** Before training: after a look back, the steps past the one trained from are dropped. */
  beforeTraining(session: Session): void {
    if (!this.lookingBack) return;
    this.lookingBack = false;
    const before = this.kept.length;
    this.kept = this.kept.filter((k) => k.step <= session.step);
    this.nextAt = nextMark(this.kept.at(-1)?.step ?? -1);
    if (this.kept.length !== before) this.announce();
  }

  /** After training (or a load): keeps this step when it has reached the next mark. */
  async trained(session: Session): Promise<void> {
    if (!this.enabled || session.step < this.nextAt) return;
    const kept = await keepStep(session);
    // Weights that diverged are no step to go back to.
    if (kept === 'diverged') return;
    if (kept === 'unavailable') return this.unavailable();
    this.kept.push(kept);
    this.nextAt = nextMark(session.step);
    if (this.kept.length > MAX_KEPT) this.kept = thinned(this.kept);
    this.announce();
  }

  /**
   * A weight was set by hand (or a Live reward given by hand): the steps kept from this one on are not this
   * network's past; this step is kept.
   */
  async edited(session: Session): Promise<void> {
    if (!this.enabled) return;
    this.kept = this.kept.filter((k) => k.step < session.step);
    this.lookingBack = false;
    this.nextAt = session.step;
    await this.trained(session);
  }

  /**
   * A session whose training state stays where it trains (the WGSL kernels keep the optimizer's slots on the GPU):
   * training on from a kept step would not be the run it was, so none is kept.
   */
  private unavailable(): void {
    this.enabled = false;
    this.kept = [];
    this.announce(
      "this backend's training kernel keeps its optimizer state on the GPU, so training on from a past step " +
        'would not be the run it was: pick wasm or cpu to rewind',
    );
  }

  /** The session went back to an earlier step by other means (weights put back after a divergence). */
  steppedBack(): void {
    this.lookingBack = true;
  }

  /** Puts the session back to the kept `step`; false when that step is not kept. */
  async goTo(session: Session, step: number): Promise<boolean> {
    // The first look back keeps where the run is, to come back to it.
    if (this.enabled && !this.lookingBack && this.kept.at(-1)?.step !== session.step) {
      this.nextAt = session.step;
      await this.trained(session);
    }
    const kept = this.kept.find((k) => k.step === step);
    if (!kept) return false;
    await kept.putBack(session);
    this.lookingBack = true;
    return true;
  }

  private announce(unavailable?: string): void {
    this.post({
      type: 'checkpoints',
      steps: this.kept.map((k) => k.step),
      ...(unavailable ? { unavailable } : {}),
    });
  }
}

/** The next step to keep after `step`. */
export const nextMark = (step: number): number => Math.max(step + 1, Math.ceil(step * GROWTH));

/** Every second one between the first and the last goes. */
function thinned(kept: KeptStep[]): KeptStep[] {
  return kept.filter((_, i) => i === 0 || i === kept.length - 1 || i % 2 === 0);
}
