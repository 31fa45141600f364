import { describe, expect, it } from 'vitest';
import { describeMeasuredChoice, formatRate } from './backendRates';

describe("auto's measured choice, in words", () => {
  it('rounds rates as people read them', () => {
    expect([210_400, 9_999.4, 9_999.6, 4_530, 999.4, 999.6, 12.4].map(formatRate)).toEqual([
      '210k',
      '10.0k',
      '10k',
      '4.5k',
      '999',
      '1.0k',
      '12',
    ]);
  });

  it('names the backend chosen, then each rate measured', () => {
    const rates = [
      { backend: 'wasm' as const, stepsPerSecond: 210_000 },
      { backend: 'cpu' as const, stepsPerSecond: 190_200 },
    ];
    expect(describeMeasuredChoice('wasm', rates)).toBe('auto: wasm — wasm 210k steps/s, cpu 190k steps/s');
  });
});
