/** What each rewarded step of a Dynamic-Live session came to, and the metrics over the last WINDOW of them. */
import type { LiveMetrics } from '../../../protocol';

/** Metrics are over this many recent rewarded steps. */
export const WINDOW = 100;

export interface Outcome {
  input: number;
  /** The target of the output shown: the class (0/1) with one output; 1 (the class's own output) with K. */
  target: number;
  /** The output of the target's neuron with K outputs (its target 1); the one output, else. */
  output: number;
  /** Its reward. */
  reward: number;
  /** Over the outputs: the mean squared error and the mean reward; whether the answer was the class. */
  error: number;
  meanReward: number;
  hit: boolean;
}

/** The means over these outcomes (NaN when there are none); a Live session has no test set. */
export function metricsOf(recent: Outcome[]): LiveMetrics {
  const n = recent.length;
  const mean = (f: (o: Outcome) => number) => (n === 0 ? NaN : recent.reduce((s, o) => s + f(o), 0) / n);
  return {
    trainLoss: mean((o) => o.error),
    trainAccuracy: mean((o) => Number(o.hit)),
    testLoss: NaN,
    testAccuracy: NaN,
    meanReward: mean((o) => o.meanReward),
  };
}
