/** The "Dynamic Input Activation network" section of bench/RESULTS.md: the tables, and the verdict's place. */
import {
  EVAL_EVERY,
  LOSS_AT,
  NOISE,
  SEEDS,
  TARGET,
  V,
  acc,
  cellsOf,
  lossAt,
  lossSteps,
  stepsPerSecondOf,
  stepsToTarget,
  tasksOf,
  type Cell,
  type DianAccuracy,
} from './dian';
import { claimVerdict } from './dianVerdict';
import { fmt, table, type Throughput } from './report';
import { diff, pm, pmSigned, readDifference } from './stats';

/** Weights allocated; for "gate never on", the extra path's are never trained. */
function params(c: Cell, cells: Cell[]): string {
  const unused = c.params - cells[V.mlp].params;
  return c === cells[V.never] && unused > 0 ? `${c.params} (${unused} unused)` : String(c.params);
}

export function accuracyTable(result: DianAccuracy): string {
  const rows = result.cells.map((c) => [
    `${c.task.label}, ${c.task.steps} steps`,
    c.variant,
    params(c, cellsOf(result, c.task)),
    pm(acc(c), 100, 1),
    c.runs.every((r) => Number.isNaN(r.gateOffAccuracy))
      ? '-'
      : pm(
          c.runs.map((r) => r.gateOffAccuracy),
          100,
          1,
        ),
    ...lossSteps(c.task).map((_, k) => pm(lossAt(c, k), 1, 3)),
    stepsToTarget(c),
    fmt(stepsPerSecondOf(c)),
  ]);
  return table(
    [
      'Task',
      'Model',
      'Params',
      'Test acc % (end)',
      'Test acc % gate off',
      ...LOSS_AT.map((s) => `Train loss @${s}`),
      'Train loss (end)',
      `Steps to ${TARGET * 100}% test acc`,
      'Steps/s',
    ],
    rows,
  );
}

const COMPARISONS: [number, number][] = [
  [V.periodic, V.mlp],
  [V.always, V.mlp],
  [V.periodic, V.always],
];

const shortName = (label: string) => label.replace(/ \(same widths\)/, '');

export function pairedTable(result: DianAccuracy): string {
  const rows = tasksOf(result).flatMap((task) => {
    const cells = cellsOf(result, task);
    return COMPARISONS.map(([a, b]) => {
      const dAcc = diff(acc(cells[a]), acc(cells[b]));
      const losses = lossSteps(task).map((_, k) => diff(lossAt(cells[a], k), lossAt(cells[b], k)));
      const count = (f: (x: number) => boolean) => dAcc.filter(f).length;
      return [
        task.label,
        `${shortName(cells[a].variant)} − ${shortName(cells[b].variant)}`,
        pmSigned(dAcc, 100, 1),
        `${count((x) => x > 0)}/${count((x) => x === 0)}/${count((x) => x < 0)}`,
        readDifference(dAcc, true),
        ...losses.map((d) => pmSigned(d, 1, 3)),
        readDifference(losses[1], false),
      ];
    });
  });
  return table(
    [
      'Task',
      'Difference (same seed and data)',
      'Δ test acc (pp)',
      'Seeds +/=/−',
      'Accuracy',
      ...LOSS_AT.map((s) => `Δ train loss @${s}`),
      'Δ train loss (end)',
      `Loss @${LOSS_AT[1]}`,
    ],
    rows,
  );
}

/** DIAN against MLP throughput at batch 10, per backend, from the rows of the Node and browser tables. */
export function throughputTable(node: Throughput[], browser: Throughput[] | undefined): string {
  const rows: string[][] = [];
  for (const [where, list] of [
    ['Node', node],
    ['Browser', browser ?? []],
  ] as const) {
    const at10 = list.filter((r) => r.batchSize === 10);
    for (const name of new Set(at10.map((r) => r.name))) {
      const mlp = at10.find((r) => r.name === name && (r.network ?? 'MLP') === 'MLP');
      const dian = at10.find((r) => r.name === name && r.network === 'DIAN');
      if (!dian) continue;
      rows.push([
        where,
        name,
        mlp ? fmt(mlp.stepsPerSecond) : '-',
        fmt(dian.stepsPerSecond),
        mlp ? `${fmt(dian.stepsPerSecond / mlp.stepsPerSecond)}x` : '-',
      ]);
    }
  }
  if (rows.length === 0) return 'No DIAN throughput rows in this run.';
  return table(['Where', 'Backend', 'MLP 2-4-2-1 steps/s', 'DIAN 2-8-8-1 steps/s', 'DIAN / MLP'], rows);
}

/** DIAN/MLP steps/s in Node against the browser: a gap means per-tick work outside the training step. */
function throughputNote(node: Throughput[], browser: Throughput[] | undefined): string {
  const ratios = (list: Throughput[]) =>
    list.flatMap((d) => {
      const m = list.find((r) => r.name === d.name && r.batchSize === 10 && (r.network ?? 'MLP') === 'MLP');
      return d.network === 'DIAN' && d.batchSize === 10 && m ? [d.stepsPerSecond / m.stepsPerSecond] : [];
    });
  const range = (v: number[]) => `${fmt(Math.min(...v))}-${fmt(Math.max(...v))}x`;
  const [inNode, inBrowser] = [ratios(node), ratios(browser ?? [])];
  if (inNode.length === 0) return '';
  return (
    `The DIAN runs at ${range(inNode)} the MLP's steps/s in Node (the training step alone)` +
    (inBrowser.length === 0
      ? '.'
      : Math.max(...inBrowser) < Math.min(...inNode)
        ? `, but ${range(inBrowser)} in the browser, with the same engine: the gap is most likely per-tick ` +
          "work outside the training step (the DIAN's frame also carries the gate trace and a gate map, and " +
          'the page draws the extra lane); this bench does not break that cost down.'
        : `, and ${range(inBrowser)} in the browser: no consistent gap against Node in this run (one 2-5 s ` +
          'window per row; see the load average at the top).')
  );
}

export function dianSection(result: DianAccuracy, node: Throughput[], browser?: Throughput[]): string {
  return [
    '## Dynamic Input Activation network',
    '',
    'Written by bench/dian.ts and bench/dianReport.ts (issue #3). The DIAN is `defaultSpec("dian")`: layers 8 ' +
      'and 8, relu, extra path from x, a scalar gate per sample, period 2 (open on even steps), logit output.',
    '',
    '### Steps/s at batch 10 (rows of the tables above)',
    '',
    throughputTable(node, browser),
    '',
    throughputNote(node, browser),
    '',
    '### Accuracy and convergence against the baselines',
    '',
    `Node, tfjs cpu backend, in-process. The four models of the UI's comparison panel (\`DIAN_VARIANTS\` in ` +
      'src/experiment/arch/dian/variants.ts), each made from the same base spec: `defaultSpec("dian")` with the task ' +
      `set, noise ${NOISE}, SGD, batch 10, 500 points (250 train, 250 test: one test point = 0.4 pp), seeds ` +
      `${SEEDS.join(', ')}; features x1, x2, learning rate 0.03 and 1000 steps unless said otherwise below. Each model is evaluated under ` +
      'its own policy: DIAN periodic and gate always on with the gate on (the spec default), gate never on ' +
      `with it off. Test accuracy is read every ${EVAL_EVERY} steps; "steps to ${TARGET * 100}%" is the first ` +
      'such reading at or above it, averaged over the seeds that reached it. Training loss is the mean ' +
      'sigmoid cross-entropy over the whole training set. Mean ± sd over the seeds. The cpu backend is ' +
      'deterministic: a re-run gives the same numbers, except Steps/s (time in `train` alone, mean over ' +
      `the seeds; evaluations excluded). This part took ${result.seconds.toFixed(0)} s.`,
    '',
    accuracyTable(result),
    '',
    ...tasksOf(result).flatMap((t) => (t.note ? [`- ${t.label}: ${t.note}.`] : [])),
    '',
    `Paired differences per seed (same seed, data and batches). "Seeds +/=/−": seeds where the first model's ` +
      'test accuracy was higher / equal / lower. The reading is a paired t-test at 95% ' +
      `(n = ${SEEDS.length}); "better" for the loss column means lower loss at step ${LOSS_AT[1]}.`,
    '',
    pairedTable(result),
    '',
    '### What the table says about the claim',
    '',
    claimVerdict(result),
    '',
    `Caveats: ${SEEDS.length} seeds; small nets on 250 test points; one learning rate per task, not tuned per ` +
      'model; the DIAN has more weights than the MLP (the Params column); many paired tests at 95%, so one ' +
      '"better" or "worse" among them can be chance. Tasks where every model is at or near 100% cannot show ' +
      'a difference in accuracy.',
    '',
  ].join('\n');
}
