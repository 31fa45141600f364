import type { ComparisonRun } from '../../../protocol';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Says which model won, honestly: ties within one test point are called ties. */
export function verdict(runs: ComparisonRun[], step: number, testPoints: number): string {
  const final = runs.map((r) => ({ label: r.label, acc: r.testAccuracy.at(-1)!, loss: r.testLoss.at(-1)! }));
  const best = [...final].sort((a, b) => b.acc - a.acc || a.loss - b.loss);
  const [dian] = final;
  const onePoint = 1 / Math.max(1, testPoints);
  const tied = best.filter((r) => best[0].acc - r.acc <= onePoint + 1e-9);
  const head =
    tied.length > 1
      ? `After ${step} steps, ${tied.map((r) => r.label).join('; ')} tie on test accuracy (${pct(best[0].acc)}, within one test point)`
      : `After ${step} steps, ${best[0].label} has the best test accuracy (${pct(best[0].acc)})`;
  const dianPlace = tied.some((r) => r.label === dian.label)
    ? 'the DIAN is among the best'
    : `the DIAN reaches ${pct(dian.acc)}`;
  return `${head}; ${dianPlace}. One seed and one task: run several (npm run bench) before drawing conclusions.`;
}
