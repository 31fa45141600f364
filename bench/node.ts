/** Node part: the engine API on tfjs's cpu and wasm backends, in-process (no worker, no UI). */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createSession } from '../src/engine';
import { defaultSpec } from '../src/spec';
import type { Throughput } from './report';

/** Steps per `train` call: small enough to stop near the time limit, large enough to hide the await. */
const CHUNK = 20;

async function stepsPerSecond(
  batchSize: number,
  ms: number,
): Promise<{ rate: number; note: string; trainPoints: number; leftOver: number }> {
  const spec = defaultSpec('mlp');
  spec.training.batchSize = batchSize;
  const baseline = tf.memory().numTensors;
  const session = await createSession(spec);
  const trainPoints = session.dataset.train.length;
  await session.train(CHUNK); // warm-up: kernels, the optimizer's slots
  await session.evaluate();
  const tensorsBefore = tf.memory().numTensors;
  const trials: number[] = [];
  for (let t = 0; t < 3; t++) {
    let steps = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms / 3) {
      await session.train(CHUNK);
      steps += CHUNK;
      elapsed = performance.now() - start;
    }
    await session.evaluate(); // one read back, so that nothing is left queued on the backend
    trials.push((steps * 1000) / (performance.now() - start));
  }
  const tensorsAfter = tf.memory().numTensors;
  const { trainAccuracy } = await session.evaluate();
  session.dispose();
  const leftOver = tf.memory().numTensors - baseline;
  trials.sort((a, b) => a - b);
  const spread = `trials ${trials.map((r) => r.toFixed(0)).join('/')} steps/s`;
  const memory = `tensors ${tensorsBefore} -> ${tensorsAfter} while training, ${leftOver} left after dispose`;
  const trained = `train acc ${(trainAccuracy * 100).toFixed(0)}% at the end`;
  return {
    rate: trials[1],
    trainPoints,
    leftOver,
    note: `median of 3; ${spread}; ${memory}; ${trained} (${trainPoints} train points)`,
  };
}

export async function runNodeBench(batchSizes: number[], ms = 3000): Promise<Throughput[]> {
  const rows: Throughput[] = [];
  for (const backend of ['cpu', 'wasm']) {
    if (!(await tf.setBackend(backend))) {
      console.error(`bench: the ${backend} backend did not start in Node; skipped`);
      continue;
    }
    await tf.ready();
    for (const batchSize of batchSizes) {
      const { rate, note, trainPoints, leftOver } = await stepsPerSecond(batchSize, ms);
      rows.push({
        name: backend,
        batchSize,
        stepsPerSecond: rate,
        trainPoints,
        note,
        leakedTensors: leftOver,
      });
      console.error(`bench: node ${backend} batch ${batchSize}: ${rate.toFixed(0)} steps/s`);
    }
  }
  return rows;
}
