/** The tensor comparison and the success-rate table of the "Dynamic-Live network" section (bench/liveReport.ts). */
import { CHECKPOINTS, FINAL_WINDOW, LIVE_SEEDS, SUCCESS, type LiveCell, type LiveRun } from './liveSuccess';
import type { TensorResult, TensorRow } from './liveTensor';
import { fmt, int, table } from './report';
import { diff, mean, pm, pmSigned, readDifference } from './stats';

export function tensorReading({ rows, problems, neurons, edges }: TensorResult): string {
  const scalar = rows[0];
  const best = rows
    .slice(1)
    .reduce<TensorRow | undefined>((a, r) => (!a || r.stepsPerSecond > a.stepsPerSecond ? r : a), undefined);
  const out = [
    table(
      [
        'Propagate of the 1,000-neuron network',
        'Steps/s',
        'ms/step',
        'Max abs difference from scalar, after 5 steps',
        'Note',
      ],
      rows.map((r) => [
        r.how,
        fmt(r.stepsPerSecond),
        fmt(r.msPerStep),
        r.maxDifference === undefined ? '-' : r.maxDifference.toExponential(1),
        r.note,
      ]),
    ),
  ];
  if (problems.length) out.push(`Not run: ${problems.join('; ')}.`);
  if (best)
    out.push(
      `**Do tensors pay?** ` +
        (best.stepsPerSecond > scalar.stepsPerSecond
          ? `Yes: the best tensor version (${best.how.split(':')[0]}) is ` +
            `${fmt(best.stepsPerSecond / scalar.stepsPerSecond)}x as fast as the scalar propagate. `
          : `No, not at these sizes: the scalar propagate is ${fmt(scalar.stepsPerSecond / best.stepsPerSecond)}x ` +
            `as fast as the best tensor version (${best.how.split(':')[0]}). `) +
        `The network is ${neurons} neurons with ${edges} allowed edges, so the dense matrices do ` +
        `${int((2 * neurons * (neurons - 2)) / edges)}x the multiply-adds of the sparse scalar loop (two ` +
        'products, weights and mask), in a chain of small dependent ops, layer by layer; one network steps one ' +
        'input at a time, so there is no batch to spread them over. The weights were fixed here; training adds ' +
        'the reward pass, a recursion over memory rather than a matrix product. Many networks (or many inputs) ' +
        'stepped together might tip the balance; this bench does not measure that, and the playground steps one.',
    );
  return out.join('\n\n');
}

const oneSided = (r: LiveRun, c: number) =>
  Math.abs(r.accuracy[c] - r.ones[c]) < 1e-9 || Math.abs(r.accuracy[c] - (1 - r.ones[c])) < 1e-9;

const oneSidedCount = (cells: LiveCell[], pRewire: number) => {
  const runs = cells.filter((c) => c.pRewire === pRewire).flatMap((c) => c.runs);
  return `${runs.filter((r) => oneSided(r, CHECKPOINTS.length - 1)).length} of ${runs.length}`;
};

export function successTable(cells: LiveCell[]): string {
  const last = CHECKPOINTS.length - 1;
  return table(
    [
      'Task',
      'pRewire',
      `Success (acc >= ${SUCCESS * 100}%)`,
      ...CHECKPOINTS.map((s) => `Acc % @${int(s)}`),
      'Best constant acc %',
      `Mean reward @${int(CHECKPOINTS[last])}`,
      'Best constant reward',
      'One-sided output (runs)',
      'Connects / disconnects per run',
      'Weights at 0 at the end (of all)',
    ],
    cells.map((cell) => [
      cell.task,
      String(cell.pRewire),
      `${cell.runs.filter((r) => r.accuracy[last] >= SUCCESS).length}/${cell.runs.length}`,
      ...CHECKPOINTS.map((_, c) =>
        pm(
          cell.runs.map((r) => r.accuracy[c]),
          100,
          1,
        ),
      ),
      pm(
        cell.runs.map((r) => Math.max(r.ones[last], 1 - r.ones[last])),
        100,
        1,
      ),
      pm(
        cell.runs.map((r) => r.reward[last]),
        1,
        3,
      ),
      pm(
        cell.runs.map((r) => Math.abs(2 * r.ones[last] - 1)),
        1,
        3,
      ),
      `${cell.runs.filter((r) => oneSided(r, last)).length}/${cell.runs.length}`,
      `${fmt(mean(cell.runs.map((r) => r.connects)))} / ${fmt(mean(cell.runs.map((r) => r.disconnects)))}`,
      `${pm(
        cell.runs.map((r) => r.unconnected),
        1,
        1,
      )} (of ${cell.runs[0].edges})`,
    ]),
  );
}

export function successReading(cells: LiveCell[]): string {
  const last = CHECKPOINTS.length - 1;
  const successes = cells.reduce((n, c) => n + c.runs.filter((r) => r.accuracy[last] >= SUCCESS).length, 0);
  const tasks = [...new Set(cells.map((c) => c.task))];
  const effects = tasks.map((task) => {
    const [on, off] = [0.1, 0].map((p) => cells.find((c) => c.task === task && c.pRewire === p)!);
    const d = diff(
      on.runs.map((r) => r.accuracy[last]),
      off.runs.map((r) => r.accuracy[last]),
    );
    return `${task} ${pmSigned(d, 100, 1)} pp (${readDifference(d, true)})`;
  });
  const off = cells.filter((c) => c.pRewire === 0).flatMap((c) => c.runs);
  const best = cells.reduce((a, c) =>
    mean(c.runs.map((r) => r.accuracy[last])) > mean(a.runs.map((r) => r.accuracy[last])) ? c : a,
  );
  return [
    `**Success.** ${successes} of ${cells.reduce((n, c) => n + c.runs.length, 0)} runs reach ${SUCCESS * 100}% ` +
      `accuracy over the last ${FINAL_WINDOW} steps. The best cell is ${best.task} with pRewire ${best.pRewire}: ` +
      `${pm(
        best.runs.map((r) => r.accuracy[last]),
        100,
        1,
      )}%.`,
    `**Rewiring on minus off**, accuracy at ${int(CHECKPOINTS[last])} steps, paired by seed (n = ` +
      `${LIVE_SEEDS.length}): ${effects.join('; ')}.`,
    '"One-sided output" counts runs whose accuracy equals exactly that of always answering 0 or always 1 on ' +
      'the same targets: the output stayed on one side of 0.5 for the whole window. ' +
      `${oneSidedCount(cells, 0.1)} runs with rewiring and ${oneSidedCount(cells, 0)} without are one-sided. ` +
      `Without rewiring nothing reconnects by the rule: ${fmt(mean(off.map((r) => r.connects)))} connects and ` +
      `${fmt(mean(off.map((r) => r.disconnects)))} disconnects per run over ${int(CHECKPOINTS[last])} steps` +
      (mean(off.map((r) => r.disconnects)) > off[0].edges
        ? '; more disconnects than edges, because a neuron whose weights all fall to 0 gets uniform weights again ' +
          '(the zero-sum rule), which reconnects them without a connect event.'
        : ', so those edges stay cut.'),
  ].join('\n\n');
}
