/**
 * The MLP's PyTorch script against the engine (cpu): trained in the engine, exported with its training state, the
 * script's next 20 steps give the engine's losses (to 1e-4) and then its outputs (to 1e-5).
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec } from '../../experiment';
import { createSession, sessionOf } from '..';
import {
  compareWithScript,
  expectScriptMatches,
  runScript,
  TORCH_MISSING,
  torchPython,
} from '../testing/pytorch';
import { pytorchRefusal, toPyTorch } from '../../export/pytorch';

if (!torchPython) console.warn(TORCH_MISSING);

const ROWS = [
  [0.5, -1],
  [3, 2],
  [-4, 0.25],
];

function mlp(edit: (spec: ExperimentSpec) => void): ExperimentSpec {
  const spec = defaultSpec('mlp');
  edit(spec);
  return spec;
}

describe('the PyTorch tests themselves', () => {
  it.runIf(process.env.CI)('have torch under CI (.ci/run installs python3-torch)', () => {
    expect(torchPython, TORCH_MISSING).toBeDefined();
  });
});

describe.skipIf(!torchPython)('the MLP as a PyTorch script', () => {
  it.each([
    ['tanh, sgd, circle', mlp(() => {})],
    [
      'relu, adam, l1, spiral with sin features',
      mlp((s) => {
        Object.assign(s.training, { optimizer: 'adam', learningRate: 0.01, regularization: 'l1' });
        s.training.regularizationRate = 0.001;
        Object.assign(s.task, { kind: 'spiral', noise: 0.2, features: ['x1', 'x2', 'sin x1', 'sin x2'] });
        s.mlp.activation = 'relu';
      }),
    ],
    [
      'sigmoid, momentum, l2, gaussian, batch 7',
      mlp((s) => {
        Object.assign(s.training, { optimizer: 'momentum', regularization: 'l2', regularizationRate: 0.01 });
        Object.assign(s.task, {
          kind: 'gaussian',
          noise: 0.3,
          features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2'],
        });
        s.training.batchSize = 7;
        s.mlp.activation = 'sigmoid';
      }),
    ],
    [
      'linear, xor with noise',
      mlp((s) => {
        Object.assign(s.task, { kind: 'xor', noise: 0.25, trainRatio: 0.3 });
        s.mlp.activation = 'linear';
      }),
    ],
  ])('trains and predicts as the engine does: %s', async (_, spec) => {
    const s = sessionOf(await createSession(spec), 'mlp');
    await s.train(30);
    const c = await compareWithScript(s, ROWS, (session, rows) => session.predict(rows));
    expectScriptMatches(c);
    s.dispose();
  });

  it.each([
    ['parity', 'adam'],
    ['adding', 'momentum'],
    ['temporal-xor', 'sgd'],
  ] as const)('makes the %s windows the engine makes (%s)', async (kind, optimizer) => {
    const spec = mlp((s) => {
      Object.assign(s.task, { kind, length: 5, noise: 0.1 });
      s.training.optimizer = optimizer;
    });
    const s = sessionOf(await createSession(spec), 'mlp');
    await s.train(12);
    const rows = s.dataset.test.slice(0, 3).map((p) => p.inputs!);
    const c = await compareWithScript(s, rows, (session, r) => session.predict(r));
    expectScriptMatches(c, { learning: false });
    s.dispose();
  });

  it('starts a seed from scratch as the engine does (--seeds: initial weights, data, batches)', async () => {
    const spec = mlp((s) => Object.assign(s.task, { kind: 'xor', noise: 0.3 }));
    const fresh = sessionOf(await createSession(spec), 'mlp');
    await fresh.train(40);
    const { testAccuracy } = await fresh.evaluate();
    const out = runScript(toPyTorch({ spec, weights: await fresh.exportWeights(), step: 0 }), [
      '--seeds',
      '2',
      '--train',
      '40',
    ]);
    expect(out).toContain(`seed 1: test accuracy ${testAccuracy.toFixed(4)}`);
    expect(out).toMatch(/test accuracy over 2 seeds after 40 steps: mean [\d.]+, sd [\d.]+/);
    fresh.dispose();
  });
});

describe('the PyTorch export of other output heads', () => {
  it('refuses K classes and regression with a message saying what is not exported', () => {
    const experiment = { spec: defaultSpec('mlp'), weights: {}, step: 0 };
    expect(() => toPyTorch(experiment, { kind: 'classes', k: 10 })).toThrow(
      /binary classifiers of the 2-D tasks only; this network's 10 classes \(softmax cross-entropy\) is not exported/,
    );
    expect(() => toPyTorch(experiment, { kind: 'regression' })).toThrow(/regression \(squared error\)/);
    expect(pytorchRefusal({ kind: 'binary' })).toBeUndefined();
  });
});
