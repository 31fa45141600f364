import { describe, expect, it } from 'vitest';
import { INPUT_DOMAIN } from '../../../experiment';
import { sweepsRelations } from './sweepsRelations';

describe('what the sweeps map shows', () => {
  // A 10 x 10 grid split down the middle (y = x1): the boundary cells are columns 4 and 5.
  const res = 10;
  const cell = (2 * INPUT_DOMAIN) / res;
  const cols = Array.from({ length: res * res }, (_, i) => i % res);
  const output = cols.map((c) => c - 4.5);
  const distance = cols.map((c) => (c <= 4 ? 4 - c : c - 5) * cell);

  it('sweeps that fall with the distance to the boundary give rho = -1; the gate their own rho', () => {
    const sweeps = distance.map((d) => 30 - 2 * d);
    const gate = sweeps.map((s) => 1 / (1 + Math.exp(-s)));
    const r = sweepsRelations(res, sweeps, output, gate);
    // Mirror cells are equally far from the boundary up to float rounding of the distances, which splits some
    // ties: rho is -1 to within that.
    expect(r.boundaryDistance).toBeLessThan(-0.99);
    expect(r.gate).toBeCloseTo(1, 12);
    expect([r.minSweeps, r.maxSweeps]).toEqual([30 - 2 * 4 * cell, 30]);
  });

  it('sweeps that follow the gate and not the boundary say so', () => {
    // Sweeps rise with x2 (the row), the gate too; the boundary is vertical: no relation to the distance.
    const rows = Array.from({ length: res * res }, (_, i) => Math.floor(i / res));
    const sweeps = rows.map((r) => 2 + r);
    const r = sweepsRelations(
      res,
      sweeps,
      output,
      rows.map((row) => row / 10),
    );
    expect(r.gate).toBeCloseTo(1, 12);
    expect(r.boundaryDistance).toBeCloseTo(0, 12);
  });

  it('has no answer without a boundary or without wormholes', () => {
    const sweeps = distance.map((d) => 5 + d);
    const r = sweepsRelations(
      res,
      sweeps,
      output.map(() => 1),
      [],
    );
    expect(r.boundaryDistance).toBeNaN();
    expect(r.gate).toBeNaN();
  });
});
