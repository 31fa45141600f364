import type { ComparisonRun } from '../../protocol';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) =>
  xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

/** A run's final test accuracy: the mean over its seeds, their standard deviation (0 for one seed) and count. */
export function finalAccuracy(run: ComparisonRun): { mean: number; sd: number; seeds: number } {
  const seeds = run.seedAccuracies.length > 0 ? run.seedAccuracies : [run.testAccuracy.at(-1)!];
  return { mean: mean(seeds), sd: sd(seeds), seeds: seeds.length };
}

/** A numeric target (regression) has no accuracy: comparisons rank by test loss there. */
export const isRegression = (runs: ComparisonRun[]) => runs.every((r) => Number.isNaN(r.testAccuracy.at(-1)));

/** A run's final test loss: mean, sd over seeds, count. */
export function finalLoss(run: ComparisonRun): { mean: number; sd: number; seeds: number } {
  const seeds = run.seedTestLosses.length > 0 ? run.seedTestLosses : [run.testLoss.at(-1)!];
  return { mean: mean(seeds), sd: sd(seeds), seeds: seeds.length };
}

/** "87.1%", or "87.1% ± 1.2%" over several seeds; for a numeric target the test loss ("0.042 ± 0.003"). */
export function accuracyText(run: ComparisonRun): string {
  if (Number.isNaN(run.testAccuracy.at(-1))) {
    const l = finalLoss(run);
    return l.seeds > 1 ? `loss ${l.mean.toFixed(3)} ± ${l.sd.toFixed(3)}` : `loss ${l.mean.toFixed(3)}`;
  }
  const a = finalAccuracy(run);
  return a.seeds > 1 ? `${pct(a.mean)} ± ${pct(a.sd)}` : pct(a.mean);
}

/** For a numeric target: the lowest test loss wins; ties within the larger spread over seeds (or 1% of it). */
function regressionVerdict(runs: ComparisonRun[], step: number): string {
  const final = runs.map((r) => ({ label: r.label, ...finalLoss(r) }));
  const best = [...final].sort((a, b) => a.mean - b.mean);
  const close = (r: (typeof final)[number]) =>
    r.mean - best[0].mean <= Math.max(0.01 * best[0].mean, best[0].sd, r.sd) + 1e-12;
  const tied = best.filter(close);
  const seeds = final[0].seeds > 1 ? `, mean over ${final[0].seeds} seeds` : '';
  const head =
    tied.length > 1
      ? `After ${step} steps, ${tied.map((r) => r.label).join('; ')} tie on test loss (${best[0].mean.toFixed(3)}${seeds})`
      : `After ${step} steps, ${best[0].label} has the lowest test loss (${best[0].mean.toFixed(3)}${seeds})`;
  const dian = tied.some((r) => r.label === final[0].label)
    ? 'the DIAN is among the best'
    : `the DIAN reaches ${final[0].mean.toFixed(3)}`;
  return `${head}; ${dian} (a numeric target: no accuracy).`;
}

/**
 * Says which model won, honestly: results closer than one test point, or (several seeds) than the larger of the
 * two standard deviations over seeds, are called ties.
 */
export function verdict(runs: ComparisonRun[], step: number, testPoints: number): string {
  if (isRegression(runs)) return regressionVerdict(runs, step);
  const final = runs.map((r) => ({ label: r.label, ...finalAccuracy(r), loss: r.testLoss.at(-1)! }));
  const best = [...final].sort((a, b) => b.mean - a.mean || a.loss - b.loss);
  const [dian] = final;
  const onePoint = 1 / Math.max(1, testPoints);
  const close = (r: (typeof final)[number]) =>
    best[0].mean - r.mean <= Math.max(onePoint, best[0].sd, r.sd) + 1e-9;
  const tied = best.filter(close);
  const seeds = dian.seeds;
  const spread =
    seeds > 1 ? `mean over ${seeds} seeds, within the spread over seeds` : 'within one test point';
  const head =
    tied.length > 1
      ? `After ${step} steps, ${tied.map((r) => r.label).join('; ')} tie on test accuracy (${pct(best[0].mean)}, ${spread})`
      : `After ${step} steps, ${best[0].label} has the best test accuracy (${pct(best[0].mean)}${seeds > 1 ? `, mean over ${seeds} seeds` : ''})`;
  const dianPlace = tied.some((r) => r.label === dian.label)
    ? 'the DIAN is among the best'
    : `the DIAN reaches ${pct(dian.mean)}`;
  const caution =
    seeds > 1 ? '' : ' One seed: set more seeds (or run npm run bench) before drawing conclusions.';
  return `${head}; ${dianPlace}.${caution}`;
}

/**
 * The repository's claim as a 2 x 2 (runs in DIAN_PAPER_VARIANTS order: DIAN relu output, MLP relu output, DIAN
 * linear output, MLP linear output): the gap the repository reports, the gap here with its outputs, and with
 * linear outputs.
 */
export function claimVerdict(runs: ComparisonRun[]): string {
  if (isRegression(runs))
    return "The repository's claim is about classification accuracy: this task is a regression.";
  const [dianRelu, mlpRelu, dianLinear, mlpLinear] = runs.map(finalAccuracy);
  const points = (a: { mean: number }, b: { mean: number }) => ((a.mean - b.mean) * 100).toFixed(1);
  return (
    `The repository reports 87.34% for its DIAN against 56.74% for its baseline (30.6 points, MNIST, one run). ` +
    `Here, with the relu on the output as its code has it: ${pct(dianRelu.mean)} against ${pct(mlpRelu.mean)} ` +
    `(${points(dianRelu, mlpRelu)} points); with linear outputs: ${pct(dianLinear.mean)} against ` +
    `${pct(mlpLinear.mean)} (${points(dianLinear, mlpLinear)} points). The relu on the output costs the MLP ` +
    `${points(mlpLinear, mlpRelu)} points and the DIAN ${points(dianLinear, dianRelu)}.`
  );
}

/**
 * An A/B's verdict (runs [A, B]): which is better, by how much, and against what spread — a gap within one test
 * point or within the larger standard deviation over seeds (for a numeric target, within 1% of the loss or that
 * deviation) is called a tie.
 */
export function abVerdict(runs: ComparisonRun[], step: number, testPoints: number): string {
  const [a, b] = runs;
  const regression = isRegression(runs);
  const [fa, fb] = regression ? [finalLoss(a), finalLoss(b)] : [finalAccuracy(a), finalAccuracy(b)];
  const seeds = fa.seeds;
  const sdMax = Math.max(fa.sd, fb.sd);
  const floor = regression ? 0.01 * Math.min(fa.mean, fb.mean) : 1 / Math.max(1, testPoints);
  const gap = Math.abs(fa.mean - fb.mean);
  const tie = gap <= Math.max(floor, sdMax) + 1e-9;
  const better = (regression ? fb.mean < fa.mean : fb.mean > fa.mean) ? [b, a] : [a, b];
  const size = (v: number) => (regression ? v.toFixed(3) : `${(v * 100).toFixed(1)} points`);
  const spread =
    seeds > 1 && sdMax >= floor
      ? `the spread over ${seeds} seeds (a standard deviation of ${size(sdMax)})`
      : regression
        ? `1% of the loss (${size(floor)})${seeds > 1 ? `, more than the spread over ${seeds} seeds` : ''}`
        : `one test point (${size(floor)})${seeds > 1 ? `, more than the spread over ${seeds} seeds` : ''}`;
  const metric = regression ? 'test loss' : 'test accuracy';
  const values = `${a.label}: ${accuracyText(a)}; ${b.label}: ${accuracyText(b)}`;
  const head = tie
    ? `After ${step} steps, ${a.label} and ${b.label} tie on ${metric} (${values})`
    : `After ${step} steps, ${better[0].label} beats ${better[1].label} on ${metric} (${values})`;
  const caution =
    seeds > 1 ? '' : ' One seed: set more seeds before drawing conclusions (the spread is not known).';
  return `${head}: the gap of ${size(gap)} is ${tie ? 'within' : 'larger than'} ${spread}.${caution}`;
}
