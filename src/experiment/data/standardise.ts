/**
 * Standardisation: each feature becomes (x - mean) / std, the means and stds (the population std, divided by N)
 * taken over the whole table (standardise) or given (standardiseWith: the engine gives the training rows'). A
 * feature with std 0 (a constant column) is left as it is and named, so the UI can say so. The means and stds come
 * back with the table: the UI shows them and undoes it (unstandardise) exactly.
 */
import type { DataTable } from './table';

export interface Standardisation {
  means: number[];
  stds: number[];
  /** Features left as they are (std 0). */
  constant: string[];
}

export function featureStats(table: DataTable): { means: number[]; stds: number[] } {
  const d = table.features.length;
  const n = table.y.length;
  const means = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) means[j] += table.x[r * d + j] / n;
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) sq[j] += (table.x[r * d + j] - means[j]) ** 2 / n;
  return { means, stds: sq.map(Math.sqrt) };
}

export function standardise(table: DataTable): { table: DataTable; standardisation: Standardisation } {
  return standardiseWith(table, featureStats(table));
}

/** Every row of the table standardised with these means and stds (e.g. the training rows'). */
export function standardiseWith(
  table: DataTable,
  { means, stds }: { means: number[]; stds: number[] },
): { table: DataTable; standardisation: Standardisation } {
  const d = table.features.length;
  const x = Float32Array.from(table.x, (v, i) => (stds[i % d] > 0 ? (v - means[i % d]) / stds[i % d] : v));
  const constant = table.features.filter((_, j) => !(stds[j] > 0));
  return { table: { ...table, x }, standardisation: { means, stds, constant } };
}

/** The table as it was before `standardise` (to float precision). */
export function unstandardise(table: DataTable, s: Standardisation): DataTable {
  const d = table.features.length;
  const x = Float32Array.from(table.x, (v, i) =>
    s.stds[i % d] > 0 ? v * s.stds[i % d] + s.means[i % d] : v,
  );
  return { ...table, x };
}
