/** Node part: the engine API on tfjs's cpu and wasm backends, in-process (no worker, no UI). */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { GATE_TRACE_LENGTH, createSession } from '../src/engine';
import { defaultSpec } from '../src/experiment';
import type { Throughput } from './report';
import { median } from './stats';

/** Steps per `train` call: small enough to stop near the time limit, large enough to hide the await. */
const CHUNK = 200;
/** The Wormhole by autodiff does ~150 steps/s: fewer steps per call, so that a trial stops near its time. */
const SLOW_CHUNK = 20;

const ARCHITECTURE = { MLP: 'mlp', DIAN: 'dian', Wormhole: 'wormhole' } as const;

async function stepsPerSecond(
  network: NonNullable<Throughput['network']>,
  batchSize: number,
  ms: number,
): Promise<{ rate: number; note: string; trainPoints: number; leftOver: number }> {
  const spec = defaultSpec(ARCHITECTURE[network.split(' ')[0] as keyof typeof ARCHITECTURE]);
  spec.training.batchSize = batchSize;
  const baseline = tf.memory().numTensors;
  // An autodiff row is the network as it trained before its fused kernel, side by side in this run.
  const session = await createSession(spec, { fused: !network.endsWith('autodiff') });
  const trainPoints = session.dataset.train.length;
  const chunk = network === 'Wormhole autodiff' ? SLOW_CHUNK : CHUNK;
  await session.train(chunk); // warm-up: kernels, the optimizer's slots
  await session.evaluate();
  const tensorsBefore = tf.memory().numTensors;
  const trials: number[] = [];
  for (let t = 0; t < 3; t++) {
    let steps = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms / 3) {
      await session.train(chunk);
      steps += chunk;
      elapsed = performance.now() - start;
    }
    // One read back, so that nothing is left queued on the backend: the weights, not evaluate(), which for the
    // Wormhole solves the whole training and test sets (frame work, not training).
    await session.exportWeights();
    trials.push((steps * 1000) / (performance.now() - start));
  }
  const tensorsAfter = tf.memory().numTensors;
  const { trainAccuracy } = await session.evaluate();
  session.dispose();
  const leftOver = tf.memory().numTensors - baseline;
  trials.sort((a, b) => a - b);
  const spread = `trials ${trials.map((r) => r.toFixed(0)).join('/')} steps/s`;
  const trace = network.startsWith('DIAN')
    ? ` (the gate trace keeps up to ${GATE_TRACE_LENGTH / spec.dian.period} gate means on the device)`
    : '';
  const memory = `tensors ${tensorsBefore} -> ${tensorsAfter} while training${trace}, ${leftOver} left after dispose`;
  const trained = `train acc ${(trainAccuracy * 100).toFixed(0)}% at the end`;
  return {
    rate: median(trials),
    trainPoints,
    leftOver,
    note: `median of 3; ${spread}; ${memory}; ${trained} (${trainPoints} train points)`,
  };
}

/**
 * The default MLP at each batch size, then the default DIAN and Wormhole at batch 10, each also by autodiff
 * (`options.dianOnly`: the DIAN alone).
 */
export async function runNodeBench(
  batchSizes: number[],
  options: { ms?: number; dianOnly?: boolean } = {},
): Promise<Throughput[]> {
  const ms = options.ms ?? 3000;
  const runs: { network: NonNullable<Throughput['network']>; batchSize: number }[] = [
    ...(options.dianOnly ? [] : batchSizes.map((batchSize) => ({ network: 'MLP' as const, batchSize }))),
    ...(options.dianOnly ? [] : [{ network: 'MLP autodiff' as const, batchSize: 10 }]),
    { network: 'DIAN', batchSize: 10 },
    { network: 'DIAN autodiff', batchSize: 10 },
    ...(options.dianOnly
      ? []
      : [
          { network: 'Wormhole' as const, batchSize: 10 },
          { network: 'Wormhole autodiff' as const, batchSize: 10 },
        ]),
  ];
  const rows: Throughput[] = [];
  for (const backend of ['cpu', 'wasm']) {
    if (!(await tf.setBackend(backend))) {
      console.error(`bench: the ${backend} backend did not start in Node; skipped`);
      continue;
    }
    await tf.ready();
    for (const { network, batchSize } of runs) {
      const { rate, note, trainPoints, leftOver } = await stepsPerSecond(network, batchSize, ms);
      rows.push({
        name: backend,
        network,
        batchSize,
        stepsPerSecond: rate,
        trainPoints,
        note,
        leakedTensors: leftOver,
      });
      console.error(`bench: node ${backend} ${network} batch ${batchSize}: ${rate.toFixed(0)} steps/s`);
    }
  }
  return rows;
}
