/**
 * The Wormhole's PyTorch script against the engine (cpu), over its solvers (safeguarded Anderson, plain with
 * damping, unguarded Anderson), residuals, gates (soft, hard, relu), gradients (implicit, unrolled) and the
 * adjoint's solvers: losses of the next 20 steps to 1e-4, then the outputs to the solve's tolerance.
 */
import { describe, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type WormholeSpec } from '../../experiment';
import { createSession, sessionOf } from '..';
import { compareWithScript, expectScriptMatches, TORCH_MISSING, torchPython } from '../testing/pytorch';

if (!torchPython) console.warn(TORCH_MISSING);

const ROWS = [
  [0.5, -1],
  [3, 2],
  [-4, 0.25],
];

function wormhole(
  options: Partial<WormholeSpec>,
  edit: (spec: ExperimentSpec) => void = () => {},
): ExperimentSpec {
  const spec = defaultSpec('wormhole');
  Object.assign(spec.wormhole, { gateBias: 0 }, options);
  Object.assign(spec.training, { optimizer: 'adam', learningRate: 0.01 });
  edit(spec);
  return spec;
}

describe.skipIf(!torchPython)('the Wormhole as a PyTorch script', () => {
  it.each([
    ['safeguarded Anderson, soft gates open (bias 0), implicit gradient, adam', wormhole({})],
    [
      'plain iteration with damping 0.8, hard gates, relu layers, plain adjoint, adam, l2',
      wormhole(
        {
          solver: 'plain',
          damping: 0.8,
          gate: 'hard',
          gateBias: -1,
          activation: 'relu',
          adjointSolver: 'plain',
        },
        (s) =>
          Object.assign(s.training, {
            learningRate: 0.03,
            regularization: 'l2',
            regularizationRate: 0.01,
          }),
      ),
    ],
    [
      'unguarded Anderson, relu gates, absolute residual, Anderson adjoint, sgd, l1',
      wormhole(
        { solver: 'anderson', gate: 'relu', gateBias: 0.5, residual: 'abs', adjointSolver: 'anderson' },
        (s) =>
          Object.assign(s.training, {
            optimizer: 'sgd',
            learningRate: 0.1,
            regularization: 'l1',
            regularizationRate: 0.001,
          }),
      ),
    ],
    ['the unrolled gradient (backprop through the iterations)', wormhole({ gradient: 'unrolled' })],
    ['no wormholes (acyclic: 2 sweeps), xor', wormhole({ wormholes: [] }, (s) => (s.task.kind = 'xor'))],
  ])('trains and predicts as the engine does: %s', async (_, spec) => {
    const s = sessionOf(await createSession(spec), 'wormhole');
    await s.train(10);
    const c = await compareWithScript(s, ROWS, (session, rows) => session.predict(rows));
    expectScriptMatches(c, { predictionTol: spec.wormhole.tol });
    s.dispose();
  });
});
