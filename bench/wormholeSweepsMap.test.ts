import { describe, expect, it } from 'vitest';
import { sweepsMapPart, type SweepsMapRow } from './wormholeSweepsMap';

const row = (boundaryDistance: number, gate: number): SweepsMapRow => ({
  task: 'circle',
  seed: 1,
  testAccuracy: 1,
  boundaryDistance,
  gate,
  minSweeps: 2,
  maxSweeps: 5,
});

describe('what the sweeps map shows, in words', () => {
  it('says the map shows hard inputs near the boundary only when most nets say so', () => {
    expect(sweepsMapPart([row(-0.6, 0.1), row(-0.5, 0.2), row(0.1, 0.1)])).toContain(
      'the map does show hard inputs',
    );
  });
  it('says it follows the gates when they order the sweeps in most nets', () => {
    const text = sweepsMapPart([row(0.1, 0.7), row(-0.2, 0.5), row(0.3, 0.1)]);
    expect(text).toContain('it follows the gates');
    expect(text).toContain('below -0.3 in 0 of 3 nets');
  });
  it('says neither when neither does', () => {
    expect(sweepsMapPart([row(0.1, 0.1), row(-0.2, 0.2)])).toContain('neither');
  });
});
