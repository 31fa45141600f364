/**
 * Which Wormhole settings make the sweeps map vary (issue 14; README, "Watching it converge"): for each setting,
 * task and seed, the map's fewest and most sweeps and Spearman's rho of the sweeps with the distance to the
 * decision boundary, at the start and after 100 steps. Run: npx tsx bench/wormholeOpenGates.ts
 */
import './nodeBackends';
import { createSession, sessionOf } from '../src/engine';
import { defaultSpec, type ExperimentSpec } from '../src/experiment';

const SETTINGS: [string, (s: ExperimentSpec) => void][] = [
  ['defaults', () => {}],
  ['gate bias 2, plain', (s) => void Object.assign(s.wormhole, { gateBias: 2, solver: 'plain' })],
  [
    'gate bias 2, plain, tol 1e-6',
    (s) => void Object.assign(s.wormhole, { gateBias: 2, solver: 'plain', tol: 1e-6 }),
  ],
  [
    'gate bias 2, plain, wormholes 3->1, 3->2, 2->1',
    (s) =>
      void Object.assign(s.wormhole, {
        gateBias: 2,
        solver: 'plain',
        wormholes: [
          { from: 3, to: 1 },
          { from: 3, to: 2 },
          { from: 2, to: 1 },
        ],
      }),
  ],
];

for (const task of ['circle', 'xor', 'spiral'] as const)
  for (const [name, change] of SETTINGS)
    for (const seed of [1, 2]) {
      const spec = defaultSpec('wormhole');
      spec.task.kind = task;
      spec.seed = seed;
      change(spec);
      const session = sessionOf(await createSession(spec), 'wormhole');
      const parts: string[] = [];
      for (const steps of [0, 100]) {
        if (steps) await session.train(steps);
        const r = (await session.snapshot({ heatmapRes: 50 })).arch.sweepsRelations!;
        parts.push(
          `step ${steps}: ${r.minSweeps}-${r.maxSweeps} sweeps, rho ${r.boundaryDistance.toFixed(2)}`,
        );
      }
      console.log(`${task}, ${name}, seed ${seed}: ${parts.join('; ')}`);
      session.dispose();
    }
