import { describe, expect, it } from 'vitest';
import type { ComparisonRun } from '../../protocol';
import { liveAbVerdict, liveFinal, liveValueText } from './liveVerdict';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A Live arm whose seeds ended at these accuracies and mean rewards (its test values are NaN: no test set). */
const liveRun = (label: string, accs: number[], rewards: number[]): ComparisonRun => ({
  label,
  steps: [0, 50, 200],
  trainLoss: [NaN, 0.3, 0.2],
  testLoss: [NaN, NaN, NaN],
  testAccuracy: [NaN, NaN, NaN],
  seedAccuracies: accs.map(() => NaN),
  seedTestLosses: accs.map(() => NaN),
  live: {
    accuracy: [NaN, 0.5, mean(accs)],
    meanReward: [NaN, 0, mean(rewards)],
    seedAccuracies: accs,
    seedMeanRewards: rewards,
  },
});

describe('the verdict of a Dynamic-Live A/B, in Live’s terms', () => {
  it('a gap larger than the spread over seeds: the better one beats the other, and the rewards are named', () => {
    // A: 0.60, 0.64 (mean 62%, sd 2.83 points); B: 0.70, 0.72 (mean 71%, sd 1.41). Gap 9 points > 2.83.
    // Rewards: A 0.20, 0.30 (0.25 ± 0.0707); B 0.40, 0.42 (0.41 ± 0.0141). Gap 0.16 > 0.0707.
    const text = liveAbVerdict(
      [
        liveRun('A (Memory M 3)', [0.6, 0.64], [0.2, 0.3]),
        liveRun('B (Memory M 6)', [0.7, 0.72], [0.4, 0.42]),
      ],
      200,
    );
    expect(text).toBe(
      'After 200 steps, B (Memory M 6) beats A (Memory M 3) on accuracy over the last 100 rewarded steps ' +
        '(A (Memory M 3): 62.0% ± 2.8%; B (Memory M 6): 71.0% ± 1.4%): the gap of 9.0 points is larger than the ' +
        'spread over 2 seeds (a standard deviation of 2.8 points). Mean reward over those steps: A (Memory M 3) ' +
        '0.250 ± 0.071, B (Memory M 6) 0.410 ± 0.014 (a gap of 0.160, larger than the spread (a standard deviation ' +
        'of 0.071)).',
    );
    expect(text).not.toMatch(/test/);
  });

  it('a gap within the spread over seeds is a tie, for the accuracy and the reward alike', () => {
    // A: 0.50, 0.70 (sd 14.1 points); B: 0.62, 0.62. Gap 2 points. Rewards: A 0, 0.4 (sd 0.283); B 0.22, 0.22.
    const text = liveAbVerdict(
      [liveRun('A', [0.5, 0.7], [0, 0.4]), liveRun('B', [0.62, 0.62], [0.22, 0.22])],
      300,
    );
    expect(text).toBe(
      'After 300 steps, A and B tie on accuracy over the last 100 rewarded steps (A: 60.0% ± 14.1%; B: 62.0% ± ' +
        '0.0%): the gap of 2.0 points is within the spread over 2 seeds (a standard deviation of 14.1 points). ' +
        'Mean reward over those steps: A 0.200 ± 0.283, B 0.220 ± 0.000 (a gap of 0.020, within the spread (a ' +
        'standard deviation of 0.283)).',
    );
  });

  it('one seed: one rewarded step of the window is the floor, and it says the spread is unknown', () => {
    const text = liveAbVerdict([liveRun('A', [0.8], [0.5]), liveRun('B', [0.805], [0.52])], 200);
    expect(text).toBe(
      'After 200 steps, A and B tie on accuracy over the last 100 rewarded steps (A: 80.0%; B: 80.5%): the gap ' +
        'of 0.5 points is within one rewarded step of the window (1.0 points). Mean reward over those steps: A ' +
        '0.500, B 0.520 (a gap of 0.020). One seed: set more seeds before drawing conclusions (the spread is not ' +
        'known).',
    );
    // Fewer steps than the window: one step weighs more (50 steps: 2 points), and A's 3 points are beyond it.
    expect(liveAbVerdict([liveRun('A', [0.83], [0.5]), liveRun('B', [0.8], [0.5])], 50)).toMatch(
      /^After 50 steps, A beats B on accuracy over the last 50 rewarded steps .* larger than one rewarded step of the window \(2\.0 points\)/,
    );
  });

  it('no reward yet: nothing to compare, said', () => {
    expect(liveAbVerdict([liveRun('A', [NaN], [NaN]), liveRun('B', [NaN], [NaN])], 50)).toBe(
      'After 50 steps, no reward has come yet: nothing to compare (compare more steps).',
    );
  });

  it('the table’s values: mean ± sd over the seeds, the last curve point for one', () => {
    const run = liveRun('A', [0.6, 0.64], [0.2, 0.3]);
    expect(liveFinal(run, 'accuracy').mean).toBeCloseTo(0.62, 12);
    expect(liveValueText(run, 'accuracy')).toBe('62.0% ± 2.8%');
    expect(liveValueText(run, 'meanReward')).toBe('0.250 ± 0.071');
    const noSeeds = { ...run, live: { ...run.live!, seedAccuracies: [], seedMeanRewards: [] } };
    expect(liveValueText(noSeeds, 'accuracy')).toBe('62.0%');
  });
});
