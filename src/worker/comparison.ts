/**
 * A comparison on the same task and data split (issue 14, docs/DESIGN.md 1.1): a few models — A and its variant B,
 * or a DIAN preset (experiment/arch/dian/variants.ts) — each trained from one or more seeds side by side. Curves are
 * the mean over the seeds; each seed's last test accuracy and loss are kept for the spread. Dynamic-Live arms (only
 * beside other Live arms) record their own metrics instead: accuracy and mean reward over their last 100 rewarded
 * steps, each seed's last kept for the spread.
 */
import { createSession, type Session } from '../engine';
import { LIVE_NOT_MIXED, validateSpec, type ComparisonArm } from '../experiment';
import type { DataTable } from '../experiment/data';
import type { ComparisonRun, LiveMetrics } from '../protocol';

export const COMPARISON_CHUNK = 50;
export const MAX_COMPARISON_SEEDS = 10;
/** At most this many models side by side (the DIAN's presets have four). */
export const MAX_COMPARISON_ARMS = 4;

export interface ComparisonOptions {
  /** How many seeds, from each arm's spec's seed on (default 1). */
  seeds?: number;
  userData?: DataTable;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The arms' specs as the engine takes them; Live arms beside non-Live ones, an invalid arm, or too many are refused
 * with words.
 */
function checkedArms(arms: ComparisonArm[]): ComparisonArm[] {
  if (arms.length < 1 || arms.length > MAX_COMPARISON_ARMS)
    throw new Error(`A comparison trains 1 to ${MAX_COMPARISON_ARMS} models, not ${arms.length}.`);
  const checked = arms.map(({ label, spec }) => {
    const { spec: valid, problems } = validateSpec(spec);
    if (problems.length > 0) throw new Error(`Cannot compare ${label}: ${problems.join('; ')}.`);
    return { label: String(label), spec: valid };
  });
  const live = checked.filter((a) => a.spec.architecture === 'live').length;
  if (live > 0 && live < checked.length) throw new Error(LIVE_NOT_MIXED);
  return checked;
}

const liveCurves = () => ({ accuracy: [], meanReward: [], seedAccuracies: [], seedMeanRewards: [] });

export class Comparison {
  private constructor(
    /** sessions[arm][seed] */
    private sessions: Session[][],
    readonly runs: ComparisonRun[],
    readonly totalSteps: number,
  ) {}

  /**
   * Seeds spec.seed, spec.seed + 1, ... for each arm: each seed draws its own initial weights and batches; the data
   * split is the spec's (a data set's split follows the seed too: then each seed also has its own split). `userData`:
   * a CSV task's table, as the running experiment was loaded with.
   */
  static async start(
    arms: ComparisonArm[],
    totalSteps: number,
    options: ComparisonOptions = {},
  ): Promise<Comparison> {
    const { seeds = 1, userData } = options;
    const checked = checkedArms(arms);
    const count = Math.max(1, Math.min(MAX_COMPARISON_SEEDS, Math.floor(seeds) || 1));
    const sessions: Session[][] = [];
    try {
      for (const { spec } of checked) {
        const seeded: Session[] = [];
        sessions.push(seeded);
        for (let k = 0; k < count; k++)
          seeded.push(await createSession({ ...spec, seed: spec.seed + k }, { userData }));
      }
    } catch (e) {
      // One that could not be built (a task the architecture does not take): none stays behind.
      for (const seeded of sessions) for (const s of seeded) s.dispose();
      throw e;
    }
    const runs: ComparisonRun[] = checked.map((arm) => ({
      label: arm.label,
      steps: [],
      trainLoss: [],
      testLoss: [],
      testAccuracy: [],
      seedAccuracies: [],
      seedTestLosses: [],
      ...(arm.spec.architecture === 'live' ? { live: liveCurves() } : {}),
    }));
    const comparison = new Comparison(sessions, runs, Math.max(1, Math.floor(totalSteps)));
    await comparison.record();
    return comparison;
  }

  get step(): number {
    return this.sessions[0][0].step;
  }

  get done(): boolean {
    return this.step >= this.totalSteps;
  }

  /** Trains every arm from every seed by one chunk and records the metrics. */
  async advance(): Promise<void> {
    const steps = Math.min(COMPARISON_CHUNK, this.totalSteps - this.step);
    for (const seeds of this.sessions) for (const s of seeds) await s.train(steps);
    await this.record();
  }

  private async record(): Promise<void> {
    for (const [i, seeds] of this.sessions.entries()) {
      const metrics = [];
      for (const s of seeds) metrics.push(await s.evaluate());
      const run = this.runs[i];
      run.steps.push(seeds[0].step);
      run.trainLoss.push(mean(metrics.map((m) => m.trainLoss)));
      run.testLoss.push(mean(metrics.map((m) => m.testLoss)));
      run.testAccuracy.push(mean(metrics.map((m) => m.testAccuracy)));
      run.seedAccuracies = metrics.map((m) => m.testAccuracy);
      run.seedTestLosses = metrics.map((m) => m.testLoss);
      if (run.live) {
        // A Live session's own metrics: its accuracy (hits) and mean reward over its last rewarded steps.
        const own = metrics as LiveMetrics[];
        run.live.accuracy.push(mean(own.map((m) => m.trainAccuracy)));
        run.live.meanReward.push(mean(own.map((m) => m.meanReward)));
        run.live.seedAccuracies = own.map((m) => m.trainAccuracy);
        run.live.seedMeanRewards = own.map((m) => m.meanReward);
      }
    }
  }

  dispose(): void {
    for (const seeds of this.sessions) for (const s of seeds) s.dispose();
  }
}
