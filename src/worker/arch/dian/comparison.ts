/**
 * DIAN against its baselines on the same task, seed and data split (docs/DESIGN.md 1.1): the DIAN as specified, a
 * plain MLP of the same widths (relu), the DIAN with the gate always on, and with the gate never on.
 */
import { createSession, type Session } from '../../../engine';
import { DIAN_VARIANTS, type ExperimentSpec } from '../../../experiment';
import type { DataTable } from '../../../experiment/data';
import type { ComparisonRun } from '../../../protocol';

export const COMPARISON_CHUNK = 50;

export class Comparison {
  private constructor(
    private sessions: Session[],
    readonly runs: ComparisonRun[],
    readonly totalSteps: number,
  ) {}

  /** `userData`: a CSV task's table, as the running experiment was loaded with. */
  static async start(spec: ExperimentSpec, totalSteps: number, userData?: DataTable): Promise<Comparison> {
    const base: ExperimentSpec = { ...spec, architecture: 'dian' };
    const sessions = await Promise.all(DIAN_VARIANTS.map((v) => createSession(v.make(base), { userData })));
    const runs = DIAN_VARIANTS.map((v) => ({
      label: v.label,
      steps: [],
      trainLoss: [],
      testLoss: [],
      testAccuracy: [],
    }));
    const comparison = new Comparison(sessions, runs, totalSteps);
    await comparison.record();
    return comparison;
  }

  get step(): number {
    return this.sessions[0].step;
  }

  get done(): boolean {
    return this.step >= this.totalSteps;
  }

  /** Trains every variant by one chunk and records its metrics. */
  async advance(): Promise<void> {
    const steps = Math.min(COMPARISON_CHUNK, this.totalSteps - this.step);
    for (const s of this.sessions) await s.train(steps);
    await this.record();
  }

  private async record(): Promise<void> {
    for (const [i, s] of this.sessions.entries()) {
      const m = await s.evaluate();
      const run = this.runs[i];
      run.steps.push(s.step);
      run.trainLoss.push(m.trainLoss);
      run.testLoss.push(m.testLoss);
      run.testAccuracy.push(m.testAccuracy);
    }
  }

  dispose(): void {
    for (const s of this.sessions) s.dispose();
  }
}
