/** The Dynamic-Live and Wormhole sections of `npm run bench`: running each and writing it as markdown. */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { liveSection, type LiveResults } from './liveReport';
import { runLiveSpeed } from './liveSpeed';
import { runLiveSuccess } from './liveSuccess';
import { runLiveTensor } from './liveTensor';
import type { MachineInfo } from './report';
import { runLine } from './resultsFile';
import { runWormholeAccuracy } from './wormholeAccuracy';
import { runWormholeTraining } from './wormholeTraining';
import { wormholeSection, type WormholeResults } from './wormholeReport';
import { runGradientMemory, runSolveSweeps, runSolveTiming } from './wormholeSolve';
import { runSweepsMap } from './wormholeSweepsMap';

export async function liveMarkdown(info: MachineInfo): Promise<string> {
  const start = performance.now();
  console.error('bench: Dynamic-Live steps/s');
  const speed = runLiveSpeed();
  console.error('bench: Dynamic-Live propagate as tensors');
  const tensor = await runLiveTensor();
  console.error('bench: Dynamic-Live reward tasks');
  const success = await runLiveSuccess();
  const results: LiveResults = { speed, tensor, success, seconds: (performance.now() - start) / 1000 };
  return liveSection(results, runLine(info));
}

export async function wormholeMarkdown(info: MachineInfo): Promise<string> {
  const start = performance.now();
  if (!(await tf.setBackend('cpu'))) throw new Error('bench: the cpu backend did not start');
  await tf.ready();
  console.error('bench: Wormhole sweeps per solve');
  const sweeps = await runSolveSweeps();
  console.error('bench: Wormhole forward/backward time');
  const timing = await runSolveTiming();
  console.error('bench: Wormhole gradient memory');
  const memory = await runGradientMemory();
  console.error('bench: Wormhole solvers in training');
  const training = await runWormholeTraining();
  console.error('bench: Wormhole accuracy on the sequence tasks');
  const accuracy = await runWormholeAccuracy();
  console.error('bench: Wormhole: what the sweeps map shows');
  const sweepsMap = await runSweepsMap();
  const results: WormholeResults = {
    sweeps,
    timing,
    memory,
    training,
    accuracy,
    sweepsMap,
    seconds: (performance.now() - start) / 1000,
  };
  return wormholeSection(results, runLine(info));
}
