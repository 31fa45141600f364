import { describe, expect, it } from 'vitest';
import type { ComparisonRun } from '../../../protocol';
import { verdict } from './verdict';

const run = (label: string, acc: number, loss = 0.3): ComparisonRun => ({
  label,
  steps: [0, 100],
  trainLoss: [0.7, loss],
  testLoss: [0.7, loss],
  testAccuracy: [0.5, acc],
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
});
