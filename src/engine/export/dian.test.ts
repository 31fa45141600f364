/**
 * The DIAN's PyTorch script against the engine (cpu), over its options: the gate schedule (by step and by epoch,
 * counted from 1 or 0, always, never), the source, the final activation, the initialisation and the evaluation
 * gate. Losses of the next 20 steps to 1e-4, then the outputs to 1e-5.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec, type DianSpec, type ExperimentSpec } from '../../experiment';
import { createSession, sessionOf } from '..';
import { toPyTorch } from '../../export/pytorch';
import {
  compareWithScript,
  expectScriptMatches,
  runScript,
  TORCH_MISSING,
  torchPython,
} from '../testing/pytorch';

if (!torchPython) console.warn(TORCH_MISSING);

const ROWS = [
  [0.5, -1],
  [3, 2],
  [-4, 0.25],
  [1, 4],
];

function dian(
  dianOptions: Partial<DianSpec>,
  edit: (spec: ExperimentSpec) => void = () => {},
): ExperimentSpec {
  const spec = defaultSpec('dian');
  Object.assign(spec.dian, { layer1: 5, layer2: 4 }, dianOptions);
  edit(spec);
  return spec;
}

describe.skipIf(!torchPython)('the DIAN as a PyTorch script', () => {
  it.each([
    ['the defaults (period 2 by step from 1, source x, gate on when evaluating)', dian({})],
    [
      'from 0, PyTorch init, source h1, parity evaluation, adam, l2',
      dian({ counting: 'from0', init: 'pytorch', source: 'h1', evaluation: 'parity' }, (s) =>
        Object.assign(s.training, {
          optimizer: 'adam',
          learningRate: 0.01,
          regularization: 'l2',
          regularizationRate: 0.01,
        }),
      ),
    ],
    ['final relu, as the reference code', dian({ finalActivation: 'relu', layer1: 8, layer2: 8 })],
    [
      'by epoch, period 3, gate off when evaluating, momentum, l1, spiral',
      dian({ iteration: 'epoch', period: 3, evaluation: 'off' }, (s) => {
        Object.assign(s.training, { optimizer: 'momentum', regularization: 'l1', regularizationRate: 0.003 });
        Object.assign(s.task, { kind: 'spiral', numSamples: 60, noise: 0.1 });
      }),
    ],
    ['always on (ablation), adam', dian({ schedule: 'always' }, (s) => (s.training.optimizer = 'adam'))],
    [
      'never on (ablation), adam, parity evaluation',
      dian({ schedule: 'never', evaluation: 'parity' }, (s) => (s.training.optimizer = 'adam')),
    ],
  ])('trains and predicts as the engine does: %s', async (_, spec) => {
    const s = sessionOf(await createSession(spec), 'dian');
    await s.train(7);
    const c = await compareWithScript(s, ROWS, (session, rows) => session.predict(rows));
    expectScriptMatches(c);
    s.dispose();
  });

  it('starts a seed from scratch as the engine does, with PyTorch init and from-0 counting', async () => {
    const spec = dian({ init: 'pytorch', counting: 'from0' }, (s) => (s.task.kind = 'xor'));
    const fresh = sessionOf(await createSession(spec), 'dian');
    await fresh.train(25);
    const { testAccuracy } = await fresh.evaluate();
    const script = toPyTorch({ spec, weights: await fresh.exportWeights(), step: 0 });
    expect(runScript(script, ['--seeds', '1', '--train', '25'])).toContain(
      `seed 1: test accuracy ${testAccuracy.toFixed(4)}`,
    );
    fresh.dispose();
  });
});
