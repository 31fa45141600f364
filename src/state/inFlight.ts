/**
 * What the engine runs, as the page knows it: the loads and Live edits sent and not answered yet (the engine
 * answers each, in order) and the spec of the experiment running. When the engine refuses one, this says which
 * spec the page goes back to: the running experiment's for a load (unless a later load is on its way), the spec
 * before the refused edit, with the edits sent after it made again on top, for an edit.
 */
import { applyLiveEdit, type ExperimentSpec, type LiveEdit } from '../experiment';

/**
 * What a load does to the loss history when it is made: one that carries the weights and the step (a wormhole
 * edit, a data task's new plane) goes on with it, an edit marked on the curve; others start anew.
 */
export type HistoryPolicy = 'new' | 'continue' | 'edit';

export class InFlight {
  private loads: { spec: ExperimentSpec; history: HistoryPolicy }[] = [];
  private edits: { before: ExperimentSpec; edit: LiveEdit }[] = [];
  private running?: ExperimentSpec;

  /** A new engine: nothing sent, nothing running. */
  reset(): void {
    this.loads = [];
    this.edits = [];
    this.running = undefined;
  }

  load(spec: ExperimentSpec, history: HistoryPolicy = 'new'): void {
    this.loads.push({ spec, history });
  }

  /** The oldest load was made (`shown`: the page's spec, for a load this did not see sent): its history policy. */
  loaded(shown: ExperimentSpec): HistoryPolicy {
    // Edits sent before this load were answered before it: those in flight now came after it, and stay.
    const made = this.loads.shift();
    this.running = made?.spec ?? shown;
    return made?.history ?? 'new';
  }

  /** The oldest load was refused; the spec to go back to, if any (`engineRuns`: an experiment still runs). */
  loadRefused(engineRuns: boolean): ExperimentSpec | undefined {
    this.loads.shift();
    if (!engineRuns) this.running = undefined;
    return this.loads.length === 0 ? this.running : undefined;
  }

  /** The spec the engine will run once the loads in flight are made: the last one sent, or the one running. */
  expected(): ExperimentSpec | undefined {
    return this.loads.at(-1)?.spec ?? this.running;
  }

  /** An edit sent, made on `before` (the page's spec when it was sent). */
  edit(before: ExperimentSpec, edit: LiveEdit): void {
    this.edits.push({ before, edit });
  }

  /** The oldest edit was made: the engine runs the spec the next one started from, or the page's. */
  edited(shown: ExperimentSpec): void {
    this.edits.shift();
    this.running = this.edits[0]?.before ?? shown;
  }

  /** The oldest edit was refused: the spec without it, later edits made again on top; none when none was sent. */
  editRefused(): ExperimentSpec | undefined {
    const refused = this.edits.shift();
    if (!refused) return undefined;
    let spec = refused.before;
    for (const later of this.edits) {
      later.before = spec;
      const result = applyLiveEdit(spec.live, later.edit);
      if (result.live) spec = { ...spec, live: result.live };
    }
    return spec;
  }
}
