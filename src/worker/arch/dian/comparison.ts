/**
 * DIAN against its baselines on the same task and data split (docs/DESIGN.md 1.1): a set of variants of the spec
 * (the DIAN as specified and its ablations, or the repository's claim as a 2 x 2: experiment/arch/dian/variants.ts),
 * each trained from one or more seeds. Curves are the mean over the seeds; each seed's last test accuracy is kept
 * for the spread.
 */
import { createSession, type Session } from '../../../engine';
import { COMPARISON_SETS, type ComparisonSet, type ExperimentSpec } from '../../../experiment';
import type { DataTable } from '../../../experiment/data';
import type { ComparisonRun } from '../../../protocol';

export const COMPARISON_CHUNK = 50;
export const MAX_COMPARISON_SEEDS = 10;

export interface ComparisonOptions {
  /** Which variants (default: the DIAN's baselines). */
  set?: ComparisonSet;
  /** How many seeds, from the spec's on (default 1). */
  seeds?: number;
  userData?: DataTable;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export class Comparison {
  private constructor(
    /** sessions[variant][seed] */
    private sessions: Session[][],
    readonly runs: ComparisonRun[],
    readonly totalSteps: number,
  ) {}

  /**
   * Seeds spec.seed, spec.seed + 1, ...: each seed draws its own initial weights and batches; the data split is
   * the spec's (a data set's split follows the seed too: then each seed also has its own split). `userData`: a
   * CSV task's table, as the running experiment was loaded with.
   */
  static async start(
    spec: ExperimentSpec,
    totalSteps: number,
    options: ComparisonOptions = {},
  ): Promise<Comparison> {
    const { set = 'baselines', seeds = 1, userData } = options;
    const base: ExperimentSpec = { ...spec, architecture: 'dian' };
    const variants = COMPARISON_SETS[set];
    const count = Math.max(1, Math.min(MAX_COMPARISON_SEEDS, Math.floor(seeds)));
    const sessions = await Promise.all(
      variants.map((v) =>
        Promise.all(
          Array.from({ length: count }, (_, k) =>
            createSession(v.make({ ...base, seed: base.seed + k }), { userData }),
          ),
        ),
      ),
    );
    const runs = variants.map((v) => ({
      label: v.label,
      steps: [],
      trainLoss: [],
      testLoss: [],
      testAccuracy: [],
      seedAccuracies: [],
      seedTestLosses: [],
    }));
    const comparison = new Comparison(sessions, runs, totalSteps);
    await comparison.record();
    return comparison;
  }

  get step(): number {
    return this.sessions[0][0].step;
  }

  get done(): boolean {
    return this.step >= this.totalSteps;
  }

  /** Trains every variant from every seed by one chunk and records the metrics. */
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
    }
  }

  dispose(): void {
    for (const seeds of this.sessions) for (const s of seeds) s.dispose();
  }
}
