/**
 * The DIAN repository's claim on handwritten digits (issue 13): its DIAN against its baseline, both with the relu on
 * the output that its code has, and both with a linear output (DIAN_PAPER_VARIANTS, what the comparison panel's
 * "the repository's claim" trains), on the bundled 8x8 digits over several seeds, in Node (fused kernels, cpu).
 * Test accuracy at checkpoints, mean ± sd over seeds; the repository reports 87.34% against 56.74% (MNIST).
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { createSession } from '../src/engine';
import { DIAN_PAPER_VARIANTS, defaultSpec, type ExperimentSpec } from '../src/experiment';
import { DIGITS_HEADING, runLine } from './resultsFile';
import type { MachineInfo } from './report';
import { diff, mean, pm, pmSigned, readDifference } from './stats';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const CHECKPOINTS = [250, 1000, 3000];
/** The same for every model: the user's settings a student would pick for digits, not the repository's. */
const TRAINING = { optimizer: 'adam', learningRate: 0.001, batchSize: 32 } as const;

function digitsSpec(seed: number): ExperimentSpec {
  const spec = defaultSpec('dian');
  return {
    ...spec,
    seed,
    task: { ...spec.task, kind: 'digits', trainRatio: 0.7 },
    training: { ...spec.training, ...TRAINING },
  };
}

/** Test accuracy of each variant (rows) at each checkpoint (columns), per seed. */
export async function runDigitsClaim(): Promise<{ accuracy: number[][][]; seconds: number }> {
  if (!(await tf.setBackend('cpu'))) throw new Error('bench: the cpu backend did not start');
  await tf.ready();
  const start = performance.now();
  const accuracy = DIAN_PAPER_VARIANTS.map(() => CHECKPOINTS.map(() => [] as number[]));
  for (const seed of SEEDS) {
    for (const [v, variant] of DIAN_PAPER_VARIANTS.entries()) {
      const session = await createSession(variant.make(digitsSpec(seed)));
      try {
        for (const [c, at] of CHECKPOINTS.entries()) {
          await session.train(at - session.step);
          accuracy[v][c].push((await session.evaluate()).testAccuracy);
        }
      } finally {
        session.dispose();
      }
    }
    console.error(`bench: digits claim, seed ${seed} done`);
  }
  return { accuracy, seconds: (performance.now() - start) / 1000 };
}

export function digitsSection(
  result: { accuracy: number[][][]; seconds: number },
  info: MachineInfo,
): string {
  const { accuracy } = result;
  const last = CHECKPOINTS.length - 1;
  const rows = DIAN_PAPER_VARIANTS.map(
    (v, i) => `| ${v.label} | ${accuracy[i].map((seeds) => pm(seeds, 100, 1)).join(' | ')} |`,
  );
  const gap = (a: number, b: number) => {
    const d = diff(accuracy[a][last], accuracy[b][last]);
    return `${pmSigned(d, 100, 1)} points (${readDifference(d, true)})`;
  };
  return [
    DIGITS_HEADING,
    '',
    runLine(info) +
      ` ${SEEDS.length} seeds, ${result.seconds.toFixed(0)} s. The bundled 8x8 digits (1,797 images, 10 classes), ` +
      `70% for training; Adam, learning rate ${TRAINING.learningRate}, batch ${TRAINING.batchSize}, the same for every ` +
      'model; the models are the comparison panel\'s "the repository\'s claim" (src/experiment/arch/dian/variants.ts). ' +
      'Test accuracy (%) after the steps in each column, mean ± sd over the seeds.',
    '',
    `| Model | ${CHECKPOINTS.map((s) => `${s} steps`).join(' | ')} |`,
    `| --- | ${CHECKPOINTS.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    `**What the numbers show** (after ${CHECKPOINTS[last]} steps, paired by seed, 95% t-test): the DIAN against the ` +
      `repository's baseline, both with the relu output: ${gap(0, 1)}; with linear outputs: ${gap(2, 3)}; a linear ` +
      `output in place of the relu, for the MLP: ${gap(3, 1)}, for the DIAN: ${gap(2, 0)}. The repository reports 87.34% against ` +
      '56.74% (MNIST, one run, Adam at 1e-5 with a step schedule and gradient clipping, not reproduced here). ' +
      `Mean test accuracy of the four: ${DIAN_PAPER_VARIANTS.map((v, i) => `${v.label} ${(mean(accuracy[i][last]) * 100).toFixed(1)}%`).join(', ')}.`,
    '',
  ].join('\n');
}
