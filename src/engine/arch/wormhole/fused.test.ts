import { describe, it } from 'vitest';
import { OPTIMIZERS, WORMHOLE_GATES, WORMHOLE_SOLVERS } from '../../../experiment';
import { compare, spec } from '../../testing/wormholeCompare';

const SEVERAL = [
  { from: 3, to: 1 },
  { from: 2, to: 1 },
  { from: 3, to: 2 },
];

describe('the fused Wormhole training step against tfjs autodiff, step for step', () => {
  for (const gate of WORMHOLE_GATES)
    for (const activation of ['tanh', 'relu'] as const)
      it(`plain solves, ${gate} gates, ${activation}: the same sweeps, traces and weights, every optimizer`, async () => {
        for (const optimizer of OPTIMIZERS)
          await compare(spec({ solver: 'plain', adjointSolver: 'plain', gate, activation }, { optimizer }));
      });

  for (const solver of ['anderson', 'safeguarded'] as const)
    it(`${solver} (soft gates, tanh): the same sweeps, traces and weights, every optimizer`, async () => {
      for (const optimizer of OPTIMIZERS) await compare(spec({ solver }, { optimizer }));
    });

  it('Anderson, safeguarded or not, with relu activations or hard or relu gates: the same stops and weights', async () => {
    // Late Anderson sweeps there mix residuals of ~1e-5 that float32 resolves to a few per cent (rounding the
    // kernel's own states to float32 moves its sweep counts as much), so the sweeps may differ by one or two.
    for (const solver of ['anderson', 'safeguarded'] as const)
      for (const [gate, activation] of [
        ['hard', 'tanh'],
        ['soft', 'relu'],
        ['relu', 'relu'],
      ] as const)
        for (const optimizer of OPTIMIZERS)
          await compare(spec({ solver, gate, activation }, { optimizer }), 'rounding');
  });

  it('every adjoint solver, with soft and hard gates: the same adjoint solves and weights', async () => {
    for (const adjointSolver of WORMHOLE_SOLVERS)
      for (const gate of ['soft', 'hard'] as const)
        await compare(spec({ solver: 'plain', adjointSolver, gate }, { optimizer: 'adam' }));
  });

  it('damping < 1, absolute residuals, several wormholes (two into one layer), four layers', async () => {
    for (const solver of WORMHOLE_SOLVERS) {
      await compare(spec({ solver, damping: 0.6, wormholes: SEVERAL }, { optimizer: 'momentum' }));
      await compare(
        spec(
          { solver, residual: 'abs', wormholes: SEVERAL, hidden: [5, 4, 3], gateBias: -1 },
          { optimizer: 'adam' },
        ),
      );
    }
  });

  it('without wormholes (the adjoint is the loss gradient itself) and with closed hard and relu gates', async () => {
    await compare(spec({ wormholes: [] }, { optimizer: 'adam' }));
    await compare(spec({ gate: 'hard', gateBias: -6 }));
    await compare(spec({ gate: 'relu', gateBias: -4 }));
  });

  it('applies L1/L2 to the kernels as the autodiff path does', async () => {
    await compare(spec({}, { regularization: 'l1', regularizationRate: 0.05, optimizer: 'momentum' }));
    await compare(spec({ gate: 'hard' }, { regularization: 'l2', regularizationRate: 0.05 }));
  });
});
