/** Small statistics for the bench's tables: mean ± sd over seeds, medians, and a paired t-test at 95%. */

export const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** Sample standard deviation (n - 1). */
export const sd = (v: number[]) =>
  v.length < 2 ? 0 : Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1));

export const pm = (v: number[], scale: number, digits: number) =>
  `${(mean(v) * scale).toFixed(digits)} ± ${(sd(v) * scale).toFixed(digits)}`;

const signed = (x: number, digits: number) =>
  `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

export const pmSigned = (v: number[], scale: number, digits: number) =>
  `${signed(mean(v) * scale, digits)} ± ${(sd(v) * scale).toFixed(digits)}`;

/** The middle value; for an even count, the upper of the two middle values. */
export const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export const diff = (a: number[], b: number[]) => a.map((x, i) => x - b[i]);

/** Two-sided 95% critical values of Student's t, by degrees of freedom (1..10). */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

export type Reading = 'identical' | 'better' | 'worse' | 'within noise';

/** Paired differences (one per seed); `higherIsBetter` says which sign is an improvement. */
export function readDifference(d: number[], higherIsBetter: boolean): Reading {
  if (d.every((x) => x === 0)) return 'identical';
  const m = mean(d);
  const s = sd(d);
  const crit = T95[Math.min(d.length - 1, T95.length) - 1] ?? 1.96;
  const significant = s === 0 ? true : Math.abs(m) / (s / Math.sqrt(d.length)) > crit;
  if (!significant) return 'within noise';
  return m > 0 === higherIsBetter ? 'better' : 'worse';
}
