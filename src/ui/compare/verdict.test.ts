import { describe, expect, it } from 'vitest';
import type { ComparisonRun } from '../../protocol';
import { abVerdict, accuracyText, claimVerdict, verdict } from './verdict';

const run = (label: string, acc: number, loss = 0.3, seedAccuracies: number[] = []): ComparisonRun => ({
  label,
  steps: [0, 100],
  trainLoss: [0.7, loss],
  testLoss: [0.7, loss],
  testAccuracy: [0.5, acc],
  seedAccuracies,
  seedTestLosses: [],
});

describe('comparison verdict', () => {
  it('names the single winner and where the DIAN stands', () => {
    const text = verdict(
      [run('DIAN', 0.9), run('MLP', 0.95), run('always', 0.8), run('never', 0.7)],
      100,
      250,
    );
    expect(text).toMatch(
      /^After 100 steps, MLP has the best test accuracy \(95\.0%\); the DIAN reaches 90\.0%/,
    );
  });

  it('calls results within one test point a tie', () => {
    const text = verdict(
      [run('DIAN', 0.9), run('MLP', 0.904), run('always', 0.5), run('never', 0.5)],
      100,
      250,
    );
    expect(text).toContain('MLP; DIAN tie');
    expect(text).toContain('the DIAN is among the best');
  });

  it('over several seeds: means, and ties within the larger standard deviation', () => {
    // DIAN: mean 0.9, sd 0.02 (0.88, 0.90, 0.92); MLP: mean 0.92, sd 0.01. 0.92 - 0.90 = 0.02 <= 0.02: a tie.
    const runs = [
      run('DIAN', 0.92, 0.3, [0.88, 0.9, 0.92]),
      run('MLP', 0.93, 0.3, [0.91, 0.92, 0.93]),
      run('always', 0.5, 0.3, [0.5, 0.5, 0.5]),
      run('never', 0.5, 0.3, [0.5, 0.5, 0.5]),
    ];
    const text = verdict(runs, 100, 1000);
    expect(text).toContain(
      'MLP; DIAN tie on test accuracy (92.0%, mean over 3 seeds, within the spread over seeds)',
    );
    expect(text).not.toContain('One seed');
    expect(accuracyText(runs[0])).toBe('90.0% ± 2.0%');
    // Wider apart than both spreads: a winner.
    runs[1] = run('MLP', 0.97, 0.3, [0.96, 0.97, 0.98]);
    expect(verdict(runs, 100, 1000)).toMatch(
      /^After 100 steps, MLP has the best test accuracy \(97\.0%, mean over 3 seeds\); the DIAN reaches 90\.0%/,
    );
  });

  it('states the claim as a 2 x 2 with the gaps in points', () => {
    const text = claimVerdict([
      run('dian relu', 0, 0.3, [0.8, 0.9]),
      run('mlp relu', 0, 0.3, [0.5, 0.6]),
      run('dian linear', 0, 0.3, [0.9, 0.94]),
      run('mlp linear', 0, 0.3, [0.93, 0.95]),
    ]);
    expect(text).toContain('85.0% against 55.0% (30.0 points)');
    expect(text).toContain('92.0% against 94.0% (-2.0 points)');
    expect(text).toContain('costs the MLP 39.0 points and the DIAN 7.0');
  });

  it('a numeric target (no accuracy) is ranked by test loss, with ties within the spread over seeds', () => {
    const reg = (label: string, losses: number[]): ComparisonRun => ({
      label,
      steps: [0, 100],
      trainLoss: [1, 0.1],
      testLoss: [1, losses.reduce((a, b) => a + b, 0) / losses.length],
      testAccuracy: [NaN, NaN],
      seedAccuracies: losses.map(() => NaN),
      seedTestLosses: losses,
    });
    // DIAN 0.30 ± 0.10, MLP 0.20 ± 0.05: 0.10 apart <= the larger sd (0.10): a tie. The others far behind.
    const runs = [
      reg('DIAN', [0.2, 0.3, 0.4]),
      reg('MLP', [0.15, 0.2, 0.25]),
      reg('a', [2, 2, 2]),
      reg('b', [3, 3, 3]),
    ];
    expect(verdict(runs, 100, 50)).toBe(
      'After 100 steps, MLP; DIAN tie on test loss (0.200, mean over 3 seeds); the DIAN is among the best (a numeric target: no accuracy).',
    );
    expect(accuracyText(runs[0])).toBe('loss 0.300 ± 0.100');
    expect(verdict(runs, 100, 50)).not.toContain('NaN');
    runs[1] = reg('MLP', [0.01, 0.02, 0.03]);
    expect(verdict(runs, 100, 50)).toMatch(
      /^After 100 steps, MLP has the lowest test loss \(0\.020, mean over 3 seeds\); the DIAN reaches 0\.300/,
    );
    expect(claimVerdict(runs)).toMatch(/regression/);
  });
});

describe('the A/B verdict names the spread', () => {
  const seeded = (label: string, accs: number[], losses = accs.map(() => 0.3)): ComparisonRun => ({
    ...run(label, accs.reduce((x, y) => x + y) / accs.length),
    seedAccuracies: accs,
    seedTestLosses: losses,
  });

  it('a gap larger than the spread over seeds: the better one beats the other', () => {
    // A: 0.80, 0.84 (mean 82%, sd 2.83 points); B: 0.90, 0.92 (mean 91%, sd 1.41): the gap, 9 points, is larger.
    expect(abVerdict([seeded('A (tanh)', [0.8, 0.84]), seeded('B (relu)', [0.9, 0.92])], 200, 250)).toBe(
      'After 200 steps, B (relu) beats A (tanh) on test accuracy (A (tanh): 82.0% ± 2.8%; B (relu): 91.0% ± 1.4%): ' +
        'the gap of 9.0 points is larger than the spread over 2 seeds (a standard deviation of 2.8 points).',
    );
  });

  it('a gap within the spread over seeds is a tie', () => {
    // A: 0.80, 0.90 (sd 7.07 points); B: 0.86, 0.86: the gap, 1 point, is within.
    expect(abVerdict([seeded('A', [0.8, 0.9]), seeded('B', [0.86, 0.86])], 50, 250)).toBe(
      'After 50 steps, A and B tie on test accuracy (A: 85.0% ± 7.1%; B: 86.0% ± 0.0%): ' +
        'the gap of 1.0 points is within the spread over 2 seeds (a standard deviation of 7.1 points).',
    );
  });

  it('one seed: within one test point is a tie, and it says the spread is unknown', () => {
    const text = abVerdict([run('A', 0.9), run('B', 0.902)], 100, 250);
    expect(text).toBe(
      'After 100 steps, A and B tie on test accuracy (A: 90.0%; B: 90.2%): the gap of 0.2 points is within one ' +
        'test point (0.4 points). One seed: set more seeds before drawing conclusions (the spread is not known).',
    );
    expect(abVerdict([run('A', 0.9), run('B', 0.85)], 100, 250)).toMatch(
      /^After 100 steps, A beats B .* larger than one test point/,
    );
  });

  it('a numeric target: the lower test loss wins, against 1% of the loss or the spread', () => {
    const reg = (label: string, losses: number[]) => ({
      ...seeded(
        label,
        losses.map(() => NaN),
        losses,
      ),
      testAccuracy: [NaN, NaN],
    });
    expect(abVerdict([reg('A', [0.5, 0.52]), reg('B', [0.3, 0.31])], 10, 100)).toMatch(
      /^After 10 steps, B beats A on test loss \(A: loss 0\.510 ± 0\.014; B: loss 0\.305 ± 0\.007\): the gap of 0\.205 is larger than the spread over 2 seeds/,
    );
  });
});
