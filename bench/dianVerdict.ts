/**
 * "What the table says about the claim": written from the numbers of the run (bench/dian.ts), so that it stays
 * true when they change. The claim (docs/DESIGN.md 1.1): "faster convergence and better accuracy" than the MLP.
 */
import {
  LOSS_AT,
  SEEDS,
  TARGET,
  V,
  acc,
  cellsOf,
  lossAt,
  stepsPerSecondOf,
  stepsToTarget,
  tasksOf,
  type Cell,
  type DianAccuracy,
  type TaskSetting,
} from './dian';
import { fmt } from './report';
import { diff, mean, pmSigned, readDifference, type Reading } from './stats';

interface Finding {
  task: TaskSetting;
  d: number[];
  reading: Reading;
}

function findings(result: DianAccuracy, pick: (cells: Cell[]) => number[], higherIsBetter: boolean) {
  return tasksOf(result).map((task): Finding => {
    const d = pick(cellsOf(result, task));
    return { task, d, reading: readDifference(d, higherIsBetter) };
  });
}

const list = (fs: Finding[], scale: number, digits: number) =>
  fs.map((f) => `${f.task.label} ${pmSigned(f.d, scale, digits)} (${f.reading})`).join('; ');
const names = (fs: Finding[]) => [...new Set(fs.map((f) => f.task.label))].join(', ');
const only = (fs: Finding[], reading: Reading) => fs.filter((f) => f.reading === reading);

/** "Gate never on" against the MLP at every evaluation: the two must be the same network (a fairness check). */
function neverVsMlp(result: DianAccuracy): string {
  let max = 0;
  for (const task of tasksOf(result)) {
    const c = cellsOf(result, task);
    c[V.never].runs.forEach((r, i) =>
      r.curve.forEach((a, k) => (max = Math.max(max, Math.abs(a - c[V.mlp].runs[i].curve[k])))),
    );
  }
  return max === 0
    ? "**Fairness check.** The DIAN with the gate never on gave exactly the MLP's test accuracy at every " +
        'evaluation of every run: the DIAN is the MLP of the same widths (same initial weights, same batches) ' +
        'plus the gated extra path, so the differences below come from that path alone.'
    : `**Fairness check.** The DIAN with the gate never on differs from the MLP by up to ${(max * 100).toFixed(1)} ` +
        'pp of test accuracy: they do not start from the same weights, so initialisation luck is part of every ' +
        'difference below.';
}

/** The largest mean drop in test accuracy when the gate is forced off at test time, and where. */
function gateOffDrop(result: DianAccuracy, variant: number): string {
  const drops = tasksOf(result).map((task) => {
    const c = cellsOf(result, task)[variant];
    return { task, drop: mean(c.runs.map((r) => r.testAccuracy - r.gateOffAccuracy)) };
  });
  const worst = drops.reduce((a, b) => (b.drop > a.drop ? b : a));
  return `${(worst.drop * 100).toFixed(1)} pp (on ${worst.task.label})`;
}

export function claimVerdict(result: DianAccuracy): string {
  const n = SEEDS.length;
  const accF = findings(result, (c) => diff(acc(c[V.periodic]), acc(c[V.mlp])), true);
  const early = LOSS_AT.map((_, k) =>
    findings(result, (c) => diff(lossAt(c[V.periodic], k), lossAt(c[V.mlp], k)), false),
  );
  const ablation = findings(result, (c) => diff(acc(c[V.periodic]), acc(c[V.always])), true);
  const alwaysVsMlp = findings(result, (c) => diff(acc(c[V.always]), acc(c[V.mlp])), true);
  const steps = tasksOf(result)
    .map((task) => {
      const [dian, mlp] = [
        stepsToTarget(cellsOf(result, task)[V.periodic]),
        stepsToTarget(cellsOf(result, task)[V.mlp]),
      ];
      return `${task.label} ${dian === '-' && mlp === '-' ? 'neither reaches it' : `${dian} against ${mlp}`}`;
    })
    .join('; ');
  const cost = tasksOf(result).map((task) => {
    const c = cellsOf(result, task);
    return stepsPerSecondOf(c[V.mlp]) / stepsPerSecondOf(c[V.periodic]);
  });

  const out = [neverVsMlp(result)];
  out.push(
    `**Better accuracy?** Final test accuracy, DIAN (periodic gate) minus MLP, mean ± sd of the ${n} paired ` +
      `differences in percentage points: ${list(accF, 100, 1)}.`,
  );
  out.push(
    '**Faster convergence?** Training loss, DIAN minus MLP (negative: the DIAN is lower). ' +
      LOSS_AT.map((s, k) => `At step ${s}: ${list(early[k], 1, 3)}`).join('. ') +
      `. Steps to ${TARGET * 100}% test accuracy, DIAN against MLP: ${steps}. A DIAN step takes ` +
      `${fmt(Math.min(...cost))}-${fmt(Math.max(...cost))}x the time of an MLP step (the Steps/s column), ` +
      'which counts against it in seconds.',
  );
  out.push(
    `**The ablations.** DIAN periodic minus gate always on, test accuracy: ${list(ablation, 100, 1)}. Gate ` +
      `always on minus MLP: ${list(alwaysVsMlp, 100, 1)}. With the gate forced off at test time the periodic ` +
      `DIAN loses on average at most ${gateOffDrop(result, V.periodic)}: it trains without the path on half ` +
      `its steps; the always-on ablation loses up to ${gateOffDrop(result, V.always)}.`,
  );

  // In short: what is beyond the noise, and the largest trend that is not.
  const accBetter = only(accF, 'better');
  const accWorse = only(accF, 'worse');
  const convBetter = early.flatMap((fs) => only(fs, 'better'));
  const convWorse = early.flatMap((fs) => only(fs, 'worse'));
  // The size of a loss difference against the MLP's loss at that checkpoint.
  const relative = early.flatMap((fs, k) =>
    fs
      .filter((f) => f.reading === 'better' || f.reading === 'worse')
      .map((f) => Math.abs(mean(f.d)) / mean(lossAt(cellsOf(result, f.task)[V.mlp], k))),
  );
  const top = accF.reduce((a, b) => (mean(b.d) > mean(a.d) ? b : a));
  const short: string[] = [];
  const ceiling = tasksOf(result).filter((t) => cellsOf(result, t).every((c) => mean(acc(c)) >= 0.98));
  if (ceiling.length > 0)
    short.push(
      `${ceiling.map((t) => t.label).join(', ')} ${ceiling.length > 1 ? 'are' : 'is'} at the ceiling (every ` +
        'model at 98% or more on average), so there only convergence can differ',
    );
  short.push(
    accBetter.length + accWorse.length === 0
      ? 'no task setting shows a difference in final test accuracy beyond the seed-to-seed noise'
      : `final test accuracy is higher beyond noise on ${names(accBetter) || 'no task'} and lower on ` +
          `${names(accWorse) || 'no task'}`,
  );
  if (mean(top.d) > 0 && top.reading !== 'better')
    short.push(
      `the largest mean gain, ${pmSigned(top.d, 100, 1)} pp on ${top.task.label} ` +
        `(${top.d.filter((x) => x > 0).length}/${n} seeds), is within the noise at n = ${n}`,
    );
  const convAll = [...convBetter, ...convWorse];
  short.push(
    convAll.length === 0
      ? `training loss at steps ${LOSS_AT.join(' and ')} does not differ beyond noise anywhere`
      : `training loss at step ${LOSS_AT.join(' or ')} is lower beyond noise on ${names(convBetter) || 'no task'} ` +
          `and higher on ${names(convWorse) || 'no task'}, by at most ` +
          `${Math.max(...convAll.map((f) => Math.abs(mean(f.d)))).toFixed(3)} ` +
          `(at most ${(Math.max(...relative) * 100).toFixed(0)}% of the MLP's loss there)`,
  );
  const topAblation = ablation.find((f) => f.task === top.task)!;
  if (mean(top.d) > 0)
    short.push(
      mean(topAblation.d) < 0
        ? `on ${top.task.label}, where the DIAN gains most, the gate-always-on ablation gains more (periodic ` +
            `minus always on ${pmSigned(topAblation.d, 100, 1)} pp, ${topAblation.reading}): the gain there ` +
            'comes from the extra input path itself, and opening it only every second step gives less of it, ' +
            'not more'
        : `on ${top.task.label} the periodic schedule does ${pmSigned(topAblation.d, 100, 1)} pp against ` +
            `the gate always on (${topAblation.reading})`,
    );
  const anyWorse = accWorse.length + convWorse.length > 0;
  const verdict =
    accBetter.length === 0 && (convBetter.length === 0 || convWorse.length > 0)
      ? 'is not borne out by this bench: no better accuracy beyond the noise' +
        (convBetter.length > 0 ? ', and the loss differences beyond it are small and go both ways' : '')
      : accBetter.length === 0
        ? `holds only for convergence, on ${names(convBetter)}, by the small margins above; better accuracy ` +
          'is not shown beyond the noise'
        : !anyWorse && convBetter.length > 0
          ? `holds here on ${names([...accBetter, ...convBetter])}, with the effect sizes above`
          : `holds at best in part: better accuracy only on ${names(accBetter)}` +
            (anyWorse ? `, and the DIAN is worse on ${names([...accWorse, ...convWorse])}` : '');
  out.push(
    `**In short:** ${short.join('; ')}. The claim "faster convergence and better accuracy" ${verdict}.`,
  );
  return out.join('\n\n');
}
