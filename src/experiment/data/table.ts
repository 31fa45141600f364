import type { DataSource } from './sources';

/** A table of data: N rows of numeric features and one label (a class index, or a numeric target) per row. */
export interface DataTable {
  /** The feature columns' names, in row order. */
  features: string[];
  /** Row-major features, [rows, features.length]. */
  x: Float32Array;
  /** Per row: the class index 0..K-1 (classes), or the numeric target (classes null: regression). */
  y: Float32Array;
  /** The class names, index order; null for a numeric target. */
  classes: string[] | null;
  /** Image data sets (digits): each row is an image of width x height pixels, row-major. */
  image?: { width: number; height: number };
}

/** A data set shipped with the app: its table, where it comes from and under which licence. */
export interface BundledData extends DataSource {
  table(): DataTable;
}

export const rowCount = (table: DataTable): number => table.y.length;

/** How many rows have each class (classes index order); empty for a numeric target. */
export function classCounts(table: DataTable): number[] {
  const counts = new Array<number>(table.classes?.length ?? 0).fill(0);
  if (table.classes) for (const c of table.y) counts[c]++;
  return counts;
}
