/**
 * Runs a DIAN comparison in chunks between the runner's other work: one chunk per queued task, so play, pause or
 * cancel can come in between, and reports its progress after each.
 */
import type { ExperimentSpec } from '../../../experiment';
import type { FromEngine } from '../../../protocol';
import { Comparison, type ComparisonOptions } from './comparison';

export class ComparisonDriver {
  private comparison?: Comparison;

  constructor(
    private post: (message: FromEngine) => void,
    /** Queues work on the runner's promise chain. */
    private enqueue: (work: () => Promise<void>) => void,
  ) {}

  async start(spec: ExperimentSpec, steps: number, options: ComparisonOptions = {}): Promise<void> {
    this.end(true);
    this.comparison = await Comparison.start(spec, Math.max(1, Math.floor(steps)), options);
    this.report();
    this.next();
  }

  /** Stops the comparison, if one runs; a cancelled one says so to the UI. */
  end(cancelled: boolean): void {
    if (!this.comparison) return;
    if (cancelled) this.report(true);
    this.comparison.dispose();
    this.comparison = undefined;
  }

  private next(): void {
    setTimeout(() =>
      this.enqueue(async () => {
        const comparison = this.comparison;
        if (!comparison) return;
        await comparison.advance();
        if (comparison !== this.comparison) return;
        this.report();
        if (comparison.done) this.end(false);
        else this.next();
      }),
    );
  }

  private report(cancelled = false): void {
    const c = this.comparison!;
    this.post({
      type: 'comparison',
      progress: { totalSteps: c.totalSteps, done: c.done, cancelled, runs: c.runs },
    });
  }
}
