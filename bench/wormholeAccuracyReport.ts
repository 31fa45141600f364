/** The accuracy part of the "Fixed-Point Wormhole network" section: the table, paired differences, reading. */
import {
  DEFAULT_BIAS,
  HIDDEN,
  OPEN_BIAS,
  SEQ_BATCH,
  SEQ_LR,
  SEQ_SEEDS,
  SEQ_STEPS,
  type SeqCell,
  type SeqResult,
} from './wormholeAccuracy';
import { fmt, table } from './report';
import { diff, mean, pm, pmSigned, readDifference } from './stats';

const taskName = (c: SeqCell) => `${c.task.kind}, T = ${c.task.length}`;
const test = (c: SeqCell) => c.runs.map((r) => r.testAccuracy);
const tasksOf = (r: SeqResult) => [...new Set(r.cells.map(taskName))];
const cellsOf = (r: SeqResult, task: string) => r.cells.filter((c) => taskName(c) === task);
const optional = (c: SeqCell, f: (run: SeqCell['runs'][number]) => number | undefined, digits = 0) =>
  c.runs.every((r) => f(r) === undefined)
    ? '-'
    : c.runs.map((r) => (f(r) === undefined ? '-' : f(r)!.toFixed(digits))).join(' / ');

function accuracyTable(r: SeqResult): string {
  return table(
    [
      'Task',
      'Model',
      'Test acc %',
      'Train acc %',
      'ms/step',
      `Unconverged forward solves (of ${SEQ_STEPS}), per seed`,
      'Unconverged adjoint solves',
      'Last step: sweeps, per seed',
      'Last step: adjoint iterations',
      'Last step: mean gate',
    ],
    r.cells.map((c) => [
      taskName(c),
      c.model,
      pm(test(c), 100, 1),
      pm(
        c.runs.map((x) => x.trainAccuracy),
        100,
        1,
      ),
      fmt(mean(c.runs.map((x) => x.msPerStep))),
      optional(c, (x) => x.unconverged),
      optional(c, (x) => x.adjointUnconverged),
      optional(c, (x) => x.lastSweeps),
      optional(c, (x) => x.lastAdjoint),
      optional(c, (x) => x.lastGate, 2),
    ]),
  );
}

/** Each wormhole model against the MLP and against the network with no wormholes (indices into a task's cells). */
const PAIRS: [number, number][] = [
  [2, 0],
  [3, 0],
  [2, 1],
  [3, 1],
  [1, 0],
];

function pairedTable(r: SeqResult): string {
  const rows = tasksOf(r).flatMap((task) => {
    const cells = cellsOf(r, task);
    return PAIRS.filter(([a, b]) => cells[a] && cells[b]).map(([a, b]) => {
      const d = diff(test(cells[a]), test(cells[b]));
      return [task, `${cells[a].model} − ${cells[b].model}`, pmSigned(d, 100, 1), readDifference(d, true)];
    });
  });
  return table(['Task', 'Difference (same seed and data)', 'Δ test acc (pp)', 'Paired t-test, 95%'], rows);
}

function reading(r: SeqResult): string {
  const tasks = tasksOf(r);
  const vs = (a: number, b: number) =>
    tasks.map((task) => {
      const cells = cellsOf(r, task);
      const d = diff(test(cells[a]), test(cells[b]));
      return { task, d, reading: readDifference(d, true) };
    });
  const list = (fs: ReturnType<typeof vs>) =>
    fs.map((f) => `${f.task} ${pmSigned(f.d, 100, 1)} (${f.reading})`).join('; ');
  const openVsNone = vs(3, 1);
  const defaultVsNone = vs(2, 1);
  const noneVsMlp = vs(1, 0);
  const helps = [...openVsNone, ...defaultVsNone].filter((f) => mean(f.d) > 0);
  const model = (i: number) => tasks.map((task) => cellsOf(r, task)[i]);
  const cost = (i: number) => mean(model(i).flatMap((c) => c.runs.map((x) => x.msPerStep)));
  const count = (f: (x: SeqCell['runs'][number]) => number | undefined) =>
    [2, 3].flatMap(model).reduce((n, c) => n + c.runs.reduce((m, x) => m + (f(x) ?? 0), 0), 0);
  const [unconverged, adjointUnconverged] = [count((x) => x.unconverged), count((x) => x.adjointUnconverged)];
  const worse = [...openVsNone, ...defaultVsNone].filter((f) => f.reading === 'worse');
  return [
    `**Do the wormholes help?** Test accuracy, wormhole (gate bias ${OPEN_BIAS}) minus the same network with ` +
      `no wormholes: ${list(openVsNone)}. Default gate bias ${DEFAULT_BIAS} minus no wormholes: ` +
      `${list(defaultVsNone)}. ` +
      (helps.length === 0
        ? 'The wormhole is never ahead on average: on these tasks and settings it does not help'
        : `Ahead on average only on ${[...new Set(helps.map((f) => f.task))].join(', ')}`) +
      (worse.length > 0
        ? `, and it is worse beyond the seed noise in ${worse.length} of ${2 * tasks.length} comparisons.`
        : '; no difference is beyond the seed noise at n = 3.'),
    `**The baseline.** The network with no wormholes against the MLP: ${list(noneVsMlp)}: the two are the ` +
      'same feed-forward 6-6 tanh network up to the output (tanh and squared error on ±1 for the Wormhole, a ' +
      'logit and cross-entropy for the MLP), so it is the fair ablation of the wormhole.',
    `**Cost.** ms per training step (batch ${SEQ_BATCH}, ${r.backend}), mean over tasks and seeds: MLP ` +
      `${fmt(cost(0))}, no wormholes ${fmt(cost(1))}, wormhole bias ${DEFAULT_BIAS} ${fmt(cost(2))}, wormhole bias ` +
      `${OPEN_BIAS} ${fmt(cost(3))}. With a wormhole the solves get longer as training goes on (compare the ` +
      "last step's sweeps and adjoint iterations above with the sweeps at initialisation), and " +
      `${unconverged} forward and ${adjointUnconverged} adjoint training solves in all stopped at maxIter or ` +
      "diverged (training went on, the spec's default).",
    '**What "long dependency" means here.** These tasks give the layered networks the whole window at once ' +
      `(T inputs; the adding problem 2T), so a feed-forward net sees every bit in one pass: the MLP needs no ` +
      'memory, and nothing here requires iterating. With 250 training windows, parity of 4 bits has only 16 ' +
      'distinct inputs and of 6 bits 64, so the test set is mostly windows seen in training.',
  ].join('\n\n');
}

export function accuracyPart(r: SeqResult): string {
  const gradientNote = r.noWormholeProblem
    ? `The network with no wormholes trains with unrolled gradients: an implicit step on it throws in this ` +
      `build ("${r.noWormholeProblem}"; solveAdjoint takes tf.grad of a sweep that does not depend on the ` +
      'state when nothing feeds back). With no cycle the solve is exact in 2 sweeps, so backprop through them ' +
      'is the exact gradient: the comparison is not affected, but the engine has a bug there.'
    : 'Every Wormhole model trains with implicit gradients.';
  return [
    `Node, tfjs ${r.backend} backend (faster than cpu for the Wormhole at this size), in-process. Sequence ` +
      'tasks of src/engine/core/sequenceTasks.ts through `spec.task = { kind, length }`: parity of T = 4 and 6 ' +
      'bits, temporal XOR (first xor last of T = 6 bits), the adding problem (T = 6). 500 windows (250 train, ' +
      `250 test: one test window = 0.4 pp), noise 0, seeds ${SEQ_SEEDS.join(', ')} (the seed sets data, ` +
      `initialisation and batches). Every model: hidden layers ${HIDDEN.join(', ')}, tanh, Adam lr ${SEQ_LR}, ` +
      `batch ${SEQ_BATCH}, ${SEQ_STEPS} steps (${(SEQ_STEPS * SEQ_BATCH) / 250} epochs); test accuracy at the ` +
      'end. The Wormholes are `defaultSpec("wormhole")` otherwise (wormhole 3->1 from the output back to ' +
      'layer 1, soft gate, safeguarded Anderson for the forward and the adjoint solve, tol 1e-4, maxIter 40, ' +
      'implicit gradient), with the gate bias ' +
      `${DEFAULT_BIAS} (the default: nearly closed) or ${OPEN_BIAS} (half open) at the start. ${gradientNote} ` +
      `Mean ± sd over the seeds; this part took ${r.seconds.toFixed(0)} s.`,
    '',
    accuracyTable(r),
    '',
    `Paired differences per seed (n = ${SEQ_SEEDS.length}: only large, consistent differences can read as ` +
      '"better" or "worse").',
    '',
    pairedTable(r),
    '',
    reading(r),
  ].join('\n');
}
