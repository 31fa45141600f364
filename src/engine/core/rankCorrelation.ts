/**
 * Spearman's rank correlation: the Pearson correlation of the two samples' ranks, ties given their average rank.
 * NaN when a sample is constant (no ranking) or shorter than 2, or when a value is not finite.
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length) throw new Error('spearman: samples of different lengths');
  if (n < 2) return NaN;
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) return NaN;
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (n + 1) / 2;
  let [sab, saa, sbb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [x, y] = [ra[i] - mean, rb[i] - mean];
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Ranks 1..n, ties sharing the mean of the ranks they span. */
export function ranks(v: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: v.length }, (_, i) => i).sort((i, j) => v[i] - v[j]);
  const out = new Float64Array(v.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && v[order[end]] === v[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[order[k]] = rank;
    start = end;
  }
  return out;
}
