/** The "Solvers in training" part of the Wormhole section: the table, paired differences, reading. */
import { fmt, table } from './report';
import { diff, mean, pm, pmSigned, readDifference } from './stats';
import { SOLVER_CHOICES, TRAIN_LR, TRAIN_SEEDS, TRAIN_STEPS, type TrainingCell } from './wormholeTraining';

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const acc = (c: TrainingCell) => c.runs.map((r) => r.testAccuracy);
const where = (c: TrainingCell) => `${c.task}, bias ${c.gateBias}`;

function cellTable(cells: TrainingCell[]): string {
  return table(
    [
      'Task, gate bias',
      'Solvers',
      'Test acc %',
      'Lowest',
      `Unconverged forward / adjoint (of ${TRAIN_SEEDS.length * TRAIN_STEPS})`,
      'Sweeps/step',
      'Adjoint iterations/step',
    ],
    cells.map((c) => [
      where(c),
      c.choice.label,
      pm(acc(c), 100, 1),
      (Math.min(...acc(c)) * 100).toFixed(1),
      `${sum(c.runs.map((r) => r.forwardFailures))} / ${sum(c.runs.map((r) => r.adjointFailures))}`,
      fmt(mean(c.runs.map((r) => r.sweeps))),
      fmt(mean(c.runs.map((r) => r.adjointIterations))),
    ]),
  );
}

/** The default and schema 1's default, each against plain iteration, per task and bias. */
function pairedRows(cells: TrainingCell[]) {
  const [plain, old, chosen] = SOLVER_CHOICES;
  const groups = [...new Set(cells.map(where))];
  return groups.flatMap((g) => {
    const of = (label: string) => cells.find((c) => where(c) === g && c.choice.label === label)!;
    return [chosen, old].map((choice) => {
      const d = diff(acc(of(choice.label)), acc(of(plain.label)));
      return { group: g, choice, d, reading: readDifference(d, true) };
    });
  });
}

export function trainingPart(r: { cells: TrainingCell[]; seconds: number }): string {
  const rows = pairedRows(r.cells);
  const [plain, old, chosen] = SOLVER_CHOICES;
  const of = (choice: typeof plain) => r.cells.filter((c) => c.choice.label === choice.label);
  const total = (choice: typeof plain, f: (run: TrainingCell['runs'][number]) => number) =>
    sum(of(choice).flatMap((c) => c.runs.map(f)));
  const worse = (choice: typeof plain) => rows.filter((x) => x.choice === choice && x.reading === 'worse');
  const list = (choice: typeof plain) =>
    rows
      .filter((x) => x.choice === choice)
      .map((x) => `${x.group} ${pmSigned(x.d, 100, 1)} (${x.reading})`)
      .join('; ');
  const failures = (choice: typeof plain) =>
    `${total(choice, (x) => x.forwardFailures)} forward and ${total(choice, (x) => x.adjointFailures)} adjoint`;
  return [
    `Training runs of \`defaultSpec("wormhole")\` (hidden 6, 6, tanh, wormhole 3->1, soft gate, tol 1e-4, ` +
      `maxIter 40, adjoint tol 1e-6 and 40 iterations) with the gate bias shown, Adam lr ${TRAIN_LR}, batch 10, ` +
      `${TRAIN_STEPS} steps, seeds ${TRAIN_SEEDS[0]}-${TRAIN_SEEDS.at(-1)} (same data and initialisation for ` +
      'every solver), cpu (the fused kernel trains). Test accuracy at the end; solves that stopped at maxIter or ' +
      `diverged, summed over the seeds; sweeps and adjoint iterations per training step. This part took ` +
      `${r.seconds.toFixed(0)} s.`,
    '',
    cellTable(r.cells),
    '',
    'Paired differences of test accuracy against plain iteration (same seed, data and initialisation):',
    '',
    table(
      ['Task, gate bias', 'Solvers', 'Δ test acc (pp) against plain', 'Paired t-test, 95%'],
      rows.map((x) => [x.group, x.choice.label, pmSigned(x.d, 100, 1), x.reading]),
    ),
    '',
    `**The default against plain iteration:** ${list(chosen)}. ` +
      (worse(chosen).length === 0
        ? 'It is nowhere worse beyond the seed noise. '
        : `It is worse beyond the seed noise in ${worse(chosen)
            .map((x) => x.group)
            .join(', ')}. `) +
      `Unconverged solves in all: ${failures(chosen)}, against ${failures(plain)} with plain iteration; ` +
      `sweeps per step ${fmt(mean(of(chosen).flatMap((c) => c.runs.map((x) => x.sweeps))))} against ` +
      `${fmt(mean(of(plain).flatMap((c) => c.runs.map((x) => x.sweeps))))}.`,
    '',
    `**Schema 1's default (Anderson without the safeguard) against plain iteration:** ${list(old)}; ` +
      `unconverged: ${failures(old)}.`,
  ].join('\n');
}
