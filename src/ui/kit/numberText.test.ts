import { describe, expect, it } from 'vitest';
import { readNumber } from './numberText';

const rate = { label: 'Learning rate', min: 1e-6, max: 1000, current: 0.03 };

describe('a typed number', () => {
  it('reads plain decimals, signs and exponents', () => {
    for (const [text, value] of [
      ['0.3', 0.3],
      [' 2 ', 2],
      ['.5', 0.5],
      ['5.', 5],
      ['1e-3', 0.001],
      ['+1E2', 100],
    ] as const)
      expect(readNumber(text, rate)).toEqual({ value });
  });

  it('refuses what Number() reads but a person does not mean: hex, binary, octal, Infinity, empty', () => {
    for (const text of ['0x10', '0b1', '0o7', 'Infinity', '', '1_000', '1,5', '--1', 'e3'])
      expect(readNumber(text, rate)).toEqual({ error: 'Learning rate must be a number; kept 0.03.' });
  });

  it('refuses numbers out of range, and fractions where a whole number belongs', () => {
    expect(readNumber('2000', rate)).toEqual({
      error: 'Learning rate must be from 0.000001 to 1000; kept 0.03.',
    });
    const batch = { label: 'Batch size', min: 1, max: 1000, integer: true, current: 10 };
    expect(readNumber('2.5', batch)).toEqual({ error: 'Batch size must be a whole number; kept 10.' });
    expect(readNumber('25', batch)).toEqual({ value: 25 });
  });
});
