/**
 * The Dynamic-Live and Wormhole sections of `npm run bench`: running each, and (for --live-only and
 * --wormhole-only) putting one section into the existing bench/RESULTS.md in place of its previous version.
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { liveSection, type LiveResults } from './liveReport';
import { runLiveSpeed } from './liveSpeed';
import { runLiveSuccess } from './liveSuccess';
import { runLiveTensor } from './liveTensor';
import type { MachineInfo } from './report';
import { runWormholeAccuracy } from './wormholeAccuracy';
import { wormholeSection, type WormholeResults } from './wormholeReport';
import { runGradientMemory, runSolveSweeps, runSolveTiming } from './wormholeSolve';

export const LIVE_HEADING = '## Dynamic-Live network';
export const WORMHOLE_HEADING = '## Fixed-Point Wormhole network';
/** The order of the sections this file writes, after the ones bench/report.ts writes. */
const ORDER = [LIVE_HEADING, WORMHOLE_HEADING];

/** When and where a section ran: it may be newer than the file's header (--live-only, --wormhole-only). */
export const runLine = (info: MachineInfo) =>
  `Run ${info.date}, git ${info.commit}, ${info.cpu}, Node ${info.node}, load average ${info.load.toFixed(2)} ` +
  'at the start of the bench.';

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
  console.error('bench: Wormhole accuracy on the sequence tasks');
  const accuracy = await runWormholeAccuracy();
  const results: WormholeResults = {
    sweeps,
    timing,
    memory,
    accuracy,
    seconds: (performance.now() - start) / 1000,
  };
  return wormholeSection(results, runLine(info));
}

/** `text` with the section under `heading` replaced by `section` (a section ends at the next "## " heading). */
export function spliceSection(text: string, heading: string, section: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  const body = section.trimEnd().split('\n');
  if (at >= 0) {
    const next = lines.findIndex((l, i) => i > at && l.startsWith('## '));
    const end = next < 0 ? lines.length : next;
    return [...lines.slice(0, at), ...body, '', ...lines.slice(end)].join('\n');
  }
  const later = ORDER.slice(ORDER.indexOf(heading) + 1)
    .map((h) => lines.indexOf(h))
    .filter((i) => i >= 0);
  if (later.length === 0) return [...lines, '', ...body, ''].join('\n');
  const before = Math.min(...later);
  return [...lines.slice(0, before), ...body, '', ...lines.slice(before)].join('\n');
}
