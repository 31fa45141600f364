/**
 * Runs a comparison (an A/B or a DIAN preset) in chunks between the runner's other work: one chunk per queued task,
 * so play, pause or cancel can come in between, and reports its progress after each.
 */
import type { ComparisonArm } from '../experiment';
import type { FromEngine } from '../protocol';
import { Comparison, type ComparisonOptions } from './comparison';

export class ComparisonDriver {
  private comparison?: Comparison;
  private id?: number;

  constructor(
    private post: (message: FromEngine) => void,
    /** Queues work on the runner's promise chain. */
    private enqueue: (work: () => Promise<void>) => void,
  ) {}

  /** A comparison the engine cannot make is answered by a cancelled report that says why (no error). */
  async start(
    arms: ComparisonArm[],
    steps: number,
    options: ComparisonOptions & { id?: number } = {},
  ): Promise<void> {
    this.end(true);
    const { id, ...rest } = options;
    try {
      this.comparison = await Comparison.start(arms, steps, rest);
    } catch (e) {
      const refused = e instanceof Error ? e.message : String(e);
      return this.post({
        type: 'comparison',
        progress: { id, totalSteps: steps, done: false, cancelled: true, refused, runs: [] },
      });
    }
    this.id = id;
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
      progress: { id: this.id, totalSteps: c.totalSteps, done: c.done, cancelled, runs: c.runs },
    });
  }
}
