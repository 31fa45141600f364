/**
 * A page for e2e/webgpu-fused.spec.ts, built beside the app (vite.config.ts) and linked from nowhere: it trains one
 * spec with the typed-array kernel on tfjs's cpu backend and with the WGSL kernel on WebGPU (forced onto the
 * software adapter), in this page, and hands back both sessions' weights, heatmaps and gate traces for the test
 * to compare. Nothing here compares or decides.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { createSession, type WeightMap } from '../../src/engine';
import type { ExperimentSpec, TrainingState } from '../../src/experiment';

export interface CheckRequest {
  spec: ExperimentSpec;
  /** Steps per train call, in order (uneven calls: the optimizer state must carry over). */
  calls: number[];
  workgroupBytes?: number;
  heatmapRes: number;
  /** After the first call, set the weights from outside (to the same values): training must go on as before. */
  reimport?: boolean;
}

export interface Trained {
  backend: string;
  path: string;
  step: number;
  weights: WeightMap;
  heatmap: number[];
  gateTrace: number[];
  /** Tensors left behind once the session is disposed. */
  leaked: number;
  /** Whether the session exports an optimizer state and batch order (issue 11's exact continuation). */
  carriesState: boolean;
  /** Whether it refuses the state the cpu session exported (the WGSL kernel keeps its state on the GPU). */
  refusesState: boolean;
}

/** The state the cpu session exported, offered to the next session. */
let cpuState: TrainingState | undefined;

async function train(backend: 'cpu' | 'webgpu', r: CheckRequest): Promise<Trained> {
  if (!(await tf.setBackend(backend))) throw new Error(`no ${backend} backend`);
  await tf.ready();
  const before = tf.memory().numTensors;
  const session = await createSession(r.spec, { fused: 'always', workgroupBytes: r.workgroupBytes });
  if (session.kind !== 'mlp' && session.kind !== 'dian') throw new Error('the check trains MLPs and DIANs');
  for (const [i, steps] of r.calls.entries()) {
    await session.train(steps);
    if (r.reimport && i === 0) session.importWeights(await session.exportWeights());
  }
  const frame = await session.snapshot({ heatmapRes: r.heatmapRes });
  const state = await session.exportTrainingState();
  if (backend === 'cpu') cpuState = state;
  let refusesState = false;
  // Offered after the weights are read: a refused import changes nothing; an accepted one only the optimizer.
  const weights = await session.exportWeights();
  if (cpuState) await session.importTrainingState(cpuState).catch(() => (refusesState = true));
  const result: Trained = {
    backend: tf.getBackend(),
    path: session.trainingPath,
    step: session.step,
    weights,
    heatmap: Array.from(frame.heatmap),
    gateTrace: frame.arch.kind === 'dian' ? Array.from(frame.arch.gateTrace) : [],
    leaked: 0,
    carriesState: state !== undefined,
    refusesState,
  };
  session.dispose();
  result.leaked = tf.memory().numTensors - before;
  return result;
}

declare global {
  interface Window {
    /** Trains the request on cpu, then on WebGPU: [cpu, webgpu]. */
    wgslCheck?: (r: CheckRequest) => Promise<Trained[]>;
    wgslReady?: boolean;
  }
}

window.wgslCheck = async (r) => [await train('cpu', r), await train('webgpu', r)];
window.wgslReady = true;
