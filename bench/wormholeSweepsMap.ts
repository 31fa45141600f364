/**
 * What the Wormhole's sweeps map shows (issue 11, finding 6): for nets trained on each plane task and seed, the
 * rank correlation of each grid point's sweeps with its distance to the decision boundary and with its gate value
 * (engine/arch/wormhole/sweepsRelations.ts, the numbers the app shows under the map), and the answer they give.
 */
import { createSession, sessionOf } from '../src/engine';
import { defaultSpec, PLANE_TASKS } from '../src/experiment';
import { fmt, table } from './report';
import { mean } from './stats';

export const SWEEPS_MAP_STEPS = 300;
export const SWEEPS_MAP_SEEDS = [1, 2, 3, 4, 5];

export interface SweepsMapRow {
  task: string;
  seed: number;
  testAccuracy: number;
  boundaryDistance: number;
  gate: number;
  minSweeps: number;
  maxSweeps: number;
}

export async function runSweepsMap(): Promise<SweepsMapRow[]> {
  const rows: SweepsMapRow[] = [];
  for (const task of PLANE_TASKS)
    for (const seed of SWEEPS_MAP_SEEDS) {
      const spec = defaultSpec('wormhole');
      spec.task.kind = task;
      spec.seed = seed;
      const session = sessionOf(await createSession(spec), 'wormhole');
      await session.train(SWEEPS_MAP_STEPS);
      const frame = await session.snapshot({ heatmapRes: 50 });
      const r = frame.arch.sweepsRelations!;
      rows.push({ task, seed, testAccuracy: frame.metrics.testAccuracy, ...r });
      session.dispose();
    }
  return rows;
}

const signed = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(2)}` : 'n/a');

export function sweepsMapPart(rows: SweepsMapRow[]): string {
  const finite = (v: number[]) => v.filter(Number.isFinite);
  const distance = finite(rows.map((r) => r.boundaryDistance));
  const gate = finite(rows.map((r) => r.gate));
  const negative = distance.filter((v) => v < -0.3).length;
  const byGate = rows.filter(
    (r) => Math.abs(r.gate) > 0.3 && Math.abs(r.gate) > Math.abs(r.boundaryDistance),
  ).length;
  const [fewest, most] = [
    Math.min(...rows.map((r) => r.minSweeps)),
    Math.max(...rows.map((r) => r.maxSweeps)),
  ];
  const range = (v: number[]) =>
    `from ${signed(Math.min(...v))} to ${signed(Math.max(...v))} (mean ${signed(mean(v))})`;
  const facts =
    `rho with the distance to the boundary runs ${range(distance)}, below -0.3 in ${negative} of ` +
    `${distance.length} nets; rho with the gate value runs ${range(gate)}, above 0.3 in size and larger than ` +
    `the distance's in ${byGate} of ${rows.length}. Solves took ${fewest}-${most} sweeps per point.`;
  const answer =
    negative > distance.length / 2
      ? `Points nearer the decision boundary took more sweeps in most nets: the map does show hard inputs there (${facts})`
      : byGate > rows.length / 2
        ? `The map does not show "hard inputs near the boundary"; it follows the gates: ${facts}`
        : `The map shows neither "hard inputs near the boundary" nor the gates consistently: ${facts} With these ` +
          'defaults the fixed point is easy across the plane, and the map mostly shows that.';
  return [
    '### What the sweeps map shows',
    '',
    `Default Wormhole spec (its default solver), each plane task, seeds ${SWEEPS_MAP_SEEDS.join(', ')}, ` +
      `${SWEEPS_MAP_STEPS} fused steps on cpu; then the map's 50x50 grid: Spearman's rho of each point's sweeps ` +
      'with its distance to the decision boundary and with its gate value at the fixed point (what the app ' +
      'shows under the map).',
    '',
    table(
      [
        'Task',
        'Seed',
        'Test acc',
        'Sweeps (min-max)',
        'rho with distance to boundary',
        'rho with gate value',
      ],
      rows.map((r) => [
        r.task,
        String(r.seed),
        `${fmt(r.testAccuracy * 100)}%`,
        `${r.minSweeps}-${r.maxSweeps}`,
        signed(r.boundaryDistance),
        signed(r.gate),
      ]),
    ),
    '',
    answer,
    '',
  ].join('\n');
}
