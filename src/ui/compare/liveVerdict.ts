/**
 * The verdict of a Dynamic-Live A/B, in Live's terms: its accuracy (hits) and mean reward over the last 100 rewarded
 * steps, as its Output panel shows them — it has no test set. A gap within the larger standard deviation over the
 * seeds (or, with one seed, within one rewarded step of the window) is a tie.
 */
import type { ComparisonRun } from '../../protocol';

/** Metrics over this many recent rewarded steps (engine/arch/live/session.ts). */
export const LIVE_WINDOW = 100;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) =>
  xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

type LiveMetric = 'accuracy' | 'meanReward';
const SEEDS = { accuracy: 'seedAccuracies', meanReward: 'seedMeanRewards' } as const;

/** A Live run's last value of a metric: the mean over its seeds, their standard deviation, their count. */
export function liveFinal(
  run: ComparisonRun,
  metric: LiveMetric,
): { mean: number; sd: number; seeds: number } {
  const live = run.live!;
  const seeds = live[SEEDS[metric]].length > 0 ? live[SEEDS[metric]] : [live[metric].at(-1)!];
  return { mean: mean(seeds), sd: sd(seeds), seeds: seeds.length };
}

/** "72.0% ± 3.0%" (accuracy) or "0.412 ± 0.050" (mean reward); no ± for one seed. */
export function liveValueText(run: ComparisonRun, metric: LiveMetric): string {
  const f = liveFinal(run, metric);
  const show = (v: number) => (metric === 'accuracy' ? pct(v) : v.toFixed(3));
  return f.seeds > 1 ? `${show(f.mean)} ± ${show(f.sd)}` : show(f.mean);
}

/**
 * "After 300 steps, B (Memory M 6) beats A (Memory M 3) on accuracy over the last 100 rewarded steps (…): the gap
 * of 9.0 points is larger than the spread over 3 seeds (…). Mean reward over those steps: … (a gap of 0.180,
 * within the spread)." One seed: the floor is one rewarded step of the window, and it says the spread is unknown.
 */
export function liveAbVerdict(runs: ComparisonRun[], step: number): string {
  const [a, b] = runs;
  const [fa, fb] = [liveFinal(a, 'accuracy'), liveFinal(b, 'accuracy')];
  if (Number.isNaN(fa.mean) || Number.isNaN(fb.mean))
    return `After ${step} steps, no reward has come yet: nothing to compare (compare more steps).`;
  const seeds = fa.seeds;
  // One rewarded step more or fewer moves the accuracy by one step of the window (it holds at most `step`).
  const window = Math.min(LIVE_WINDOW, Math.max(1, step));
  const floor = 1 / window;
  const sdMax = Math.max(fa.sd, fb.sd);
  const gap = Math.abs(fa.mean - fb.mean);
  const tie = gap <= Math.max(floor, sdMax) + 1e-9;
  const better = fb.mean > fa.mean ? [b, a] : [a, b];
  const points = (v: number) => `${(v * 100).toFixed(1)} points`;
  const spread =
    seeds > 1 && sdMax >= floor
      ? `the spread over ${seeds} seeds (a standard deviation of ${points(sdMax)})`
      : `one rewarded step of the window (${points(floor)})${seeds > 1 ? `, more than the spread over ${seeds} seeds` : ''}`;
  const metric = `accuracy over the last ${window} rewarded steps`;
  const values = `${a.label}: ${liveValueText(a, 'accuracy')}; ${b.label}: ${liveValueText(b, 'accuracy')}`;
  const head = tie
    ? `After ${step} steps, ${a.label} and ${b.label} tie on ${metric} (${values})`
    : `After ${step} steps, ${better[0].label} beats ${better[1].label} on ${metric} (${values})`;
  const [ra, rb] = [liveFinal(a, 'meanReward'), liveFinal(b, 'meanReward')];
  const rewardGap = Math.abs(ra.mean - rb.mean);
  const rewardSpread = Math.max(ra.sd, rb.sd);
  const rewardJudged =
    seeds > 1
      ? `, ${rewardGap <= rewardSpread + 1e-9 ? 'within' : 'larger than'} the spread (a standard deviation of ${rewardSpread.toFixed(3)})`
      : '';
  const reward =
    ` Mean reward over those steps: ${a.label} ${liveValueText(a, 'meanReward')}, ` +
    `${b.label} ${liveValueText(b, 'meanReward')} (a gap of ${rewardGap.toFixed(3)}${rewardJudged}).`;
  const caution =
    seeds > 1 ? '' : ' One seed: set more seeds before drawing conclusions (the spread is not known).';
  return `${head}: the gap of ${points(gap)} is ${tie ? 'within' : 'larger than'} ${spread}.${reward}${caution}`;
}
