/**
 * What can be checked of the WGSL kernels without a GPU (Node has no WebGPU; e2e/webgpu-fused.spec.ts runs them in
 * Chromium): the memory plan keeps its promises, and every shader uses each of its inputs (WebGPU drops an unused
 * binding from the pipeline's layout, and tfjs's bind group then no longer matches it).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, OPTIMIZERS, type Regularization } from '../../../experiment';
import { DIAN_SHADERS } from '../../arch/dian/fusedStep.wgsl';
import type { FusedDianOptions } from '../../arch/dian/fusedStep';
import { MLP_SHADERS } from '../../arch/mlp/fusedStep.wgsl';
import type { FusedMlpOptions } from '../../arch/mlp/fusedStep';
import { planMemory } from './program';
import type { TrainingShader } from './shader';
import { stepsPerDispatch } from './wgslTrainer';

const rates = { learningRate: 0.1, regularizationRate: 0.01, epsilon: 1e-7 };
const mlp = (o: Partial<FusedMlpOptions> = {}): FusedMlpOptions => ({
  ...rates,
  optimizer: 'adam',
  regularization: 'l2',
  widths: [5, 3, 1],
  inputWidth: 3,
  activation: 'tanh',
  head: { kind: 'binary' },
  ...o,
});
const dian = (o: Partial<FusedDianOptions> = {}): FusedDianOptions => ({
  ...rates,
  optimizer: 'adam',
  regularization: 'l1',
  inputWidth: 3,
  layer1: 5,
  layer2: 4,
  source: 'x',
  finalActivation: 'none',
  head: { kind: 'binary' },
  ...o,
});

/** Every array in workgroup memory within the budget, or in storage regions that do not overlap. */
function expectSoundPlan(shader: TrainingShader, budget: number): void {
  const { plan, layout } = shader;
  const arrays = Object.values(plan.arrays);
  expect(plan.workgroupBytes).toBeLessThanOrEqual(budget);
  expect(arrays.filter((a) => a.workgroup).reduce((n, a) => n + 4 * a.size, 0)).toBe(plan.workgroupBytes);
  const regions = arrays
    .filter((a) => !a.workgroup)
    .map((a) => [a.offset!, a.offset! + a.size] as const)
    .sort((a, b) => a[0] - b[0]);
  regions.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(regions[i][1]));
  // State arrays at their homes in the output; the step's arrays in scratch after b1^t, b2^t.
  for (const a of arrays.filter((a) => !a.workgroup)) {
    if (a.name === 'W') expect(a.offset).toBe(0);
    else if (/^S\d$/.test(a.name)) expect(a.offset).toBe(layout.weights * (1 + Number(a.name[1])));
    else expect(a.offset!).toBeGreaterThanOrEqual(layout.scratch);
  }
}

const usesInputs = (code: string) =>
  ['trainX[', 'trainY[', 'batches[', 'gates[', 'prev['].every((name) => code.includes(name));

describe('the WGSL training shaders, as text', () => {
  it('plan memory: greedy in order, workgroup while it fits, the rest in storage', () => {
    const plan = planMemory(
      [
        { name: 'a', size: 10, home: 0 },
        { name: 'b', size: 100 },
        { name: 'c', size: 5 },
        { name: 'd', size: 7 },
      ],
      4 * 16,
      20,
    );
    expect(Object.values(plan.arrays).map((a) => [a.name, a.workgroup, a.offset])).toEqual([
      ['a', true, undefined],
      ['b', false, 20],
      ['c', true, undefined],
      ['d', false, 120],
    ]);
    expect([plan.workgroupBytes, plan.scratch]).toEqual([60, 107]);
    expect(plan.at('a', 'i')).toBe('wg_a[i]');
    expect(plan.at('d', 'i')).toBe('result[120 + (i)]');
    expect(plan.declarations).toContain('var<workgroup> wg_c : array<f32, 5>;');
  });

  for (const budget of [0, 1024, 16384])
    it(`every MLP and DIAN option gives a sound plan and uses every input (${budget} bytes)`, () => {
      const regs: Regularization[] = ['none', 'l1', 'l2'];
      for (const optimizer of OPTIMIZERS)
        for (const regularization of regs) {
          for (const activation of ACTIVATIONS) {
            const shader = MLP_SHADERS.training(mlp({ optimizer, regularization, activation }), 7, budget);
            expectSoundPlan(shader, budget);
            expect(usesInputs(shader.code)).toBe(true);
          }
          for (const source of ['x', 'h1'] as const)
            for (const finalActivation of ['none', 'relu'] as const) {
              const o = dian({ optimizer, regularization, source, finalActivation });
              const shader = DIAN_SHADERS.training(o, 6, budget);
              expectSoundPlan(shader, budget);
              expect(usesInputs(shader.code)).toBe(true);
            }
        }
    });

  it('1 KiB holds the weights and slots of the test networks and some, not all, of their step arrays', () => {
    for (const shader of [MLP_SHADERS.training(mlp(), 7, 1024), DIAN_SHADERS.training(dian(), 6, 1024)]) {
      const arrays = Object.values(shader.plan.arrays);
      expect(arrays.filter((a) => /^(W|S\d)$/.test(a.name)).every((a) => a.workgroup)).toBe(true);
      const steps = arrays.filter((a) => !/^(W|S\d)$/.test(a.name));
      expect(steps.some((a) => a.workgroup) && steps.some((a) => !a.workgroup)).toBe(true);
    }
  });

  it('the heatmap shaders read the grid and the weights', () => {
    for (const code of [MLP_SHADERS.heatmap(mlp()).code, DIAN_SHADERS.heatmap(dian()).code])
      expect(code.includes('grid[') && code.includes('weights[')).toBe(true);
  });
});

describe('steps per dispatch', () => {
  it('all of a tick for small networks; a few for big ones, at least one', () => {
    expect(stepsPerDispatch(10, 17)).toBe(4096);
    // The e2e test's bigger networks (MLP 3-48-48-48-1, DIAN 3-64-64 with its extra path) at batch 30: 50 steps
    // take two dispatches.
    for (const weights of [
      3 * 48 + 48 + 2 * (48 * 48 + 48) + 49,
      3 * 64 + 64 + 64 * 64 + 64 + 65 + 3 * 64 + 64 + 65,
    ])
      expect(Math.ceil(50 / stepsPerDispatch(30, weights))).toBe(2);
    expect(stepsPerDispatch(1000, 40_000)).toBe(1);
  });
});
