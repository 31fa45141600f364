/**
 * Wormhole settings where the sweeps map shows something within seconds, each with what to look for (for an
 * Examples gallery). Measured (README, "Watching it converge"): with the defaults the gates are nearly closed and
 * every input takes 2-4 sweeps; opening the gates and solving by plain iteration spreads the sweeps out.
 */
import { defaultSpec } from '../../defaults';
import type { Example } from '../../examples';
import type { ExperimentSpec } from '../../spec';

/** The default Wormhole with its gates opened (bias 2) and plain iteration, on `task`. */
function openGates(
  task: ExperimentSpec['task']['kind'],
  edit: (s: ExperimentSpec) => void = () => {},
): ExperimentSpec {
  const spec = defaultSpec('wormhole');
  spec.task.kind = task;
  spec.wormhole.gateBias = 2;
  spec.wormhole.solver = 'plain';
  edit(spec);
  return spec;
}

export const WORMHOLE_EXAMPLES: Example[] = [
  {
    id: 'wormhole-hard-boundary',
    architecture: 'wormhole',
    title: 'Hard inputs sit on the boundary',
    lookFor:
      'Three open wormholes: the sweeps map runs from 5 sweeps to maxIter (40), most along the decision ' +
      'boundary (ρ with the distance −0.92 at the start); pick a red point and animate its sweeps on the graph.',
    spec: openGates('circle', (s) => {
      s.wormhole.wormholes = [
        { from: 3, to: 1 },
        { from: 3, to: 2 },
        { from: 2, to: 1 },
      ];
    }),
  },
  {
    id: 'wormhole-open-gate',
    architecture: 'wormhole',
    title: 'One open wormhole, a finer tolerance',
    lookFor:
      'The default net with its gate open and tol 1e-6: 4-20 sweeps across the plane at the start, most near ' +
      'the boundary (ρ −0.65); fewer as it trains (4-14 after 100 steps).',
    spec: openGates('circle', (s) => {
      s.wormhole.tol = 1e-6;
    }),
  },
];
