/** The "Fixed-Point Wormhole network" section of bench/RESULTS.md (issue #5): tables, settings, reading. */
import { fmt, table } from './report';
import { mean } from './stats';
import { accuracyPart } from './wormholeAccuracyReport';
import { sweepsMapPart, type SweepsMapRow } from './wormholeSweepsMap';
import type { SeqResult } from './wormholeAccuracy';
import type { TrainingCell } from './wormholeTraining';
import { trainingPart } from './wormholeTrainingReport';
import {
  MEMORY_GATE,
  MEMORY_SWEEPS,
  MEMORY_TOL,
  SOLVE_BATCH,
  SOLVE_SEEDS,
  TIMING_BATCH,
  TIMING_REPS,
  type MemoryRow,
  type SolveRow,
  type TimingRow,
} from './wormholeSolve';

export interface WormholeResults {
  sweeps: SolveRow[];
  timing: { rows: TimingRow[]; problems: string[] };
  memory: MemoryRow[];
  training: { cells: TrainingCell[]; seconds: number };
  accuracy: SeqResult;
  /** What the sweeps map shows (absent in results made before it was measured). */
  sweepsMap?: SweepsMapRow[];
  seconds: number;
}

const perSeed = (v: number[], digits: number) => v.map((x) => x.toFixed(digits)).join(' / ');
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

function sweepsTable(rows: SolveRow[]): string {
  return table(
    [
      'Gates',
      'Solver',
      'Mean sweeps/sample, per seed',
      'Max sweeps/sample',
      'Stop',
      'Last residual (max, rel)',
      'Mean gate',
      'Solve ms (cpu)',
    ],
    rows.map((r) => [
      r.gate,
      r.solver,
      perSeed(r.meanSweeps, 2),
      perSeed(r.maxSweeps, 0),
      r.stops.join(' / '),
      r.residual.map((x) => x.toExponential(0)).join(' / '),
      perSeed(r.gateMean, 3),
      perSeed(r.ms, 0),
    ]),
  );
}

function sweepsReading(rows: SolveRow[]): string {
  const row = (gate: string, solver: string) =>
    rows.find((r) => r.gate.startsWith(gate) && r.solver === solver)!;
  const m = (r: SolveRow) => fmt(mean(r.meanSweeps));
  const failures = rows.filter((r) => r.stops.some((s) => s !== 'tol'));
  const closed = row('closed', 'plain');
  const open = rows.filter((r) => !r.gate.includes('closed'));
  const longer = open.every((r) => mean(r.meanSweeps) > mean(closed.meanSweeps));
  const saves = (solver: string) =>
    open
      .filter((r) => r.solver === 'plain')
      .every((p) => mean(row(p.gate, solver).meanSweeps) < mean(p.meanSweeps));
  const worseThanPlain = (solver: string) =>
    rows
      .filter((r) => r.solver === 'plain')
      .flatMap((p) =>
        p.residual.flatMap((res, i) => {
          const a = row(p.gate, solver);
          return a.stops[i] !== 'tol' && a.residual[i] > res
            ? [
                `${solver}, ${p.gate.replace(/: the default/, '')}, seed ${SOLVE_SEEDS[i]}: residual ${a.residual[i].toExponential(0)} against ${res.toExponential(0)}`,
              ]
            : [];
        }),
      );
  const worse = [...worseThanPlain('anderson'), ...worseThanPlain('safeguarded')];
  const gains = rows
    .filter((r) => r.solver === 'plain')
    .map(
      (p) =>
        `${p.gate.replace(/: the default/, '')} ${m(p)} -> ${m(row(p.gate, 'anderson'))} -> ${m(row(p.gate, 'safeguarded'))}`,
    );
  const saving = (solver: string, name: string) =>
    saves(solver)
      ? `${name} needs fewer sweeps than plain iteration wherever a gate is open`
      : `${name} does not save sweeps on every open-gate row`;
  return [
    `Closed gates: ${closed.meanSweeps.every((x) => x === 2) && closed.maxSweeps.every((x) => x === 2) ? 'exactly 2 sweeps for every sample (one to reach the fixed point, one to confirm it), as designed' : `mean ${m(closed)} sweeps: not the 2 the design expects`}. ` +
      `Mean sweeps per sample, plain -> Anderson -> safeguarded Anderson: ${gains.join('; ')}. ` +
      (longer
        ? 'Opening the gates lengthens the solve; '
        : 'Opening the gates does not lengthen every solve; ') +
      `${saving('anderson', 'Anderson')}; ${saving('safeguarded', 'the safeguarded one')}. (These are single ` +
      'solves of fresh networks; how the solvers fare over training is measured below.)',
    failures.length === 0
      ? 'Every solve converged (stop = tol).'
      : `Not every solve converged: ${failures.map((r) => `${r.gate}, ${r.solver}: ${r.stops.join(' / ')}`).join('; ')}. ` +
        'A batch stops at maxIter when a single sample does not converge (the max column: 40); the residual ' +
        'shown is the largest in the batch. For those samples no solver reaches tol in 40 sweeps (this ' +
        'bench does not tell slow convergence from none)' +
        (worse.length > 0
          ? `, and an accelerated solve can end further from a fixed point than plain iteration: ${worse.join('; ')}.`
          : '.'),
  ].join(' ');
}

function timingTable(rows: TimingRow[]): string {
  return table(
    [
      'Backend',
      'Gates',
      'Forward sweeps',
      'Solve ms',
      'Implicit gradient ms',
      'Adjoint iterations',
      'Unrolled gradient ms',
      'Implicit / unrolled',
    ],
    rows.map((r) => [
      r.backend,
      r.gate,
      String(r.sweeps),
      fmt(r.solveMs),
      fmt(r.implicitMs),
      String(r.adjointIterations),
      fmt(r.unrolledMs),
      `${fmt(r.implicitMs / r.unrolledMs)}x`,
    ]),
  );
}

function timingReading(rows: TimingRow[]): string {
  const slower = rows.filter((r) => r.implicitMs > r.unrolledMs);
  return (
    `The implicit gradient is slower than the unrolled one in ${slower.length} of ${rows.length} rows. Each ` +
    'adjoint iteration is a vector-Jacobian product through a whole sweep (a top-level `tf.grad`), and the ' +
    'adjoint ran ' +
    rows
      .map(
        (r) =>
          `${r.adjointIterations} iterations against ${r.sweeps} forward sweeps (${r.backend}, ${r.gate.split(' (')[0]})`,
      )
      .join(', ') +
    ". The implicit gradient's advantage is memory, below."
  );
}

function memoryTable(rows: MemoryRow[]): string {
  return table(
    [
      'maxIter K',
      'Sweeps run (stop)',
      'Implicit: peak',
      'Adjoint iterations',
      'Unrolled: peak',
      'Unrolled / implicit',
      'Implicit ms',
      'Unrolled ms',
      'Tensors left',
    ],
    MEMORY_SWEEPS.map((K) => {
      const imp = rows.find((r) => r.maxIter === K && r.gradient === 'implicit')!;
      const unr = rows.find((r) => r.maxIter === K && r.gradient === 'unrolled')!;
      return [
        String(K),
        `${imp.sweeps} (${imp.stop}) / ${unr.sweeps} (${unr.stop})`,
        kb(imp.peakBytes),
        String(imp.adjointIterations),
        kb(unr.peakBytes),
        `${fmt(unr.peakBytes / imp.peakBytes)}x`,
        fmt(imp.ms),
        fmt(unr.ms),
        `${imp.newTensors} / ${unr.newTensors}`,
      ];
    }),
  );
}

function memoryReading(rows: MemoryRow[]): string {
  const of = (g: MemoryRow['gradient']) => rows.filter((r) => r.gradient === g);
  const [imp, unr] = [of('implicit'), of('unrolled')];
  const slope = (unr.at(-1)!.peakBytes - unr[0].peakBytes) / (unr.at(-1)!.sweeps - unr[0].sweeps);
  const flat = Math.max(...imp.map((r) => r.peakBytes)) - Math.min(...imp.map((r) => r.peakBytes));
  return (
    `Unrolled: peak memory grows by ${kb(slope)} per sweep (from ${kb(unr[0].peakBytes)} at ${unr[0].sweeps} ` +
    `sweeps to ${kb(unr.at(-1)!.peakBytes)} at ${unr.at(-1)!.sweeps}): the tape keeps every sweep's ` +
    `intermediate tensors for a batch of ${TIMING_BATCH}. Implicit: ${flat === 0 ? 'the same' : `within ${kb(flat)} of the same`} ` +
    `peak (${kb(imp[0].peakBytes)}) at every K: only the fixed point and the adjoint are kept, whatever the ` +
    'forward sweep count. ' +
    (flat === 0 && slope > 0 ? 'As expected: linear against flat. ' : '') +
    `Time from K = ${imp[0].maxIter} to ${imp.at(-1)!.maxIter}: implicit ${fmt(imp[0].ms)} -> ${fmt(imp.at(-1)!.ms)} ms, ` +
    `unrolled ${fmt(unr[0].ms)} -> ${fmt(unr.at(-1)!.ms)} ms (the forward solve runs K sweeps either way; ` +
    'unrolled then backpropagates through K more).'
  );
}

export function wormholeSection(r: WormholeResults, runLine: string): string {
  const { timing } = r;
  return [
    '## Fixed-Point Wormhole network',
    '',
    'Written by bench/wormholeSolve.ts, wormholeAccuracy.ts, wormholeReport.ts and wormholeAccuracyReport.ts ' +
      `(issue #5; \`npm run bench -- --wormhole-only\` runs this section alone). ${runLine} This section took ` +
      `${r.seconds.toFixed(0)} s.`,
    '',
    '### Sweeps per solve: gates closed and open, plain against Anderson and safeguarded Anderson',
    '',
    '`defaultSpec("wormhole")`: hidden layers 6, 6, tanh, one wormhole 3->1 (the output back to layer 1), ' +
      'relative residual, tol 1e-4, maxIter 40, damping 1, Anderson m = 6, λ = 1e-4 (safeguarded or not); the ' +
      'gate and its starting ' +
      `bias as in the first column. Freshly initialised networks (seeds ${SOLVE_SEEDS.join(', ')}), each ` +
      `solving the first ${SOLVE_BATCH} training points of its circle data set (noise 0) as one batch, through ` +
      "the session's own solve (`solvePoints`). Sweeps per sample: its sampleIterations (the sweep after which " +
      "that sample's residual was below tol, plus the one that confirmed it). " +
      'Per seed, separated by " / ". Times include the one read back per sweep.',
    '',
    sweepsTable(r.sweeps),
    '',
    sweepsReading(r.sweeps),
    '',
    '### Forward and backward time, cpu and wasm',
    '',
    `Through the session's public API: \`predict\` (one solve and the output read back) and \`gradients\` ` +
      `(solve, then implicit: the adjoint fixed point by its solver, tol 1e-6, at most 40 iterations, and one ` +
      `vector-Jacobian product; unrolled: backprop through the iterations the solve made), on the first ` +
      `${TIMING_BATCH} circle points of seed 1, default spec (safeguarded Anderson for both solves) with the ` +
      `gates as shown. Median of ${TIMING_REPS} calls after 2 warm-up calls.`,
    '',
    timing.rows.length > 0 ? timingTable(timing.rows) : 'No backend ran.',
    '',
    ...(timing.problems.length ? [`Not run: ${timing.problems.join('; ')}.`, ''] : []),
    timingReading(timing.rows),
    '',
    '### Memory of implicit against unrolled gradients as the sweep count grows',
    '',
    `One training step (batch ${TIMING_BATCH}, SGD) of seed 1 with the gates ${MEMORY_GATE.label.replace(/ \(.*/, '')} ` +
      `(${MEMORY_GATE.gate}, bias ${MEMORY_GATE.gateBias}), the plain solver and tol ${MEMORY_TOL}, so that the ` +
      'forward solve runs exactly maxIter = K sweeps (the column says how many ran). Peak: `tf.profile` over ' +
      'the step (it works with an async step), its peakBytes minus the bytes held before it, i.e. the tensor ' +
      'memory the step needed at its highest (cpu backend). Times are measured under tf.profile, which adds ' +
      'overhead. "Tensors left": tensors the step left behind (implicit / unrolled).',
    '',
    memoryTable(r.memory),
    '',
    memoryReading(r.memory),
    '',
    '### Solvers in training: plain, Anderson and safeguarded Anderson',
    '',
    trainingPart(r.training),
    '',
    '### Accuracy on the long-dependency tasks against the MLP',
    '',
    accuracyPart(r.accuracy),
    ...(r.sweepsMap ? [sweepsMapPart(r.sweepsMap)] : []),
    '',
  ].join('\n');
}
