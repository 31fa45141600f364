/** The "Dynamic-Live network" section of bench/RESULTS.md (issue #4): tables, settings and what they show. */
import { CHECKPOINTS, FINAL_WINDOW, LIVE_LR, LIVE_SEEDS, SUCCESS, type LiveCell } from './liveSuccess';
import { successReading, successTable, tensorReading } from './liveTables';
import { LIVE_RECURSION_LIMIT } from '../src/engine';
import {
  CALL_LIMIT,
  DEFAULT_MEMORY,
  FORWARD_SHARE,
  HIDDEN_LAYERS,
  INPUTS,
  K_MAX,
  K_MIN,
  OPTIONS,
  PROBE_STEPS,
  SEED,
  STEP_CAP,
  TIME_CAP_MS,
  type LiveSpeedRow,
} from './liveSpeed';
import { TENSOR_SIZE, type TensorResult } from './liveTensor';
import { fmt, int, table } from './report';

export interface LiveResults {
  speed: { rows: LiveSpeedRow[]; propagateOnly: LiveSpeedRow[] };
  tensor: TensorResult;
  success: { cells: LiveCell[]; seconds: number };
  seconds: number;
}

function speedTable(rows: LiveSpeedRow[]): string {
  return table(
    [
      'Neurons',
      'Memory M',
      'Edges (recurrent)',
      'Update',
      'recursionSize()',
      'Calls/reward within memory',
      'Calls/reward measured',
      'Steps/s',
      'ms/step',
      'Steps timed',
    ],
    rows.map((r) => [
      String(r.size),
      String(r.memory),
      `${r.edges} (${r.recurrentEdges})`,
      r.update,
      int(r.recursionSize),
      r.update === 'recursive' ? int(r.withinMemory) : '-',
      r.callsPerReward !== undefined ? int(r.callsPerReward) : '-',
      r.overLimit ? `not run: over ${int(CALL_LIMIT)} calls per reward` : fmt(r.stepsPerSecond),
      r.overLimit ? '-' : fmt((r.seconds * 1000) / r.steps),
      r.overLimit ? '-' : `${int(r.steps)} in ${r.seconds.toFixed(1)} s`,
    ]),
  );
}

/** What the engine's "auto" mode would pick for each network, against what the recursion really costs. */
function autoReading(rows: LiveSpeedRow[]): string {
  const nets = rows.filter((r) => r.update === 'recursive');
  const pick = (r: LiveSpeedRow) => (r.recursionSize <= LIVE_RECURSION_LIMIT ? 'recursive' : 'accumulate');
  const picks = nets.map((r) => `${r.size} neurons, M ${r.memory}: ${pick(r)}`).join('; ');
  const slowest = nets
    .filter((r) => pick(r) === 'recursive')
    .sort((a, b) => b.seconds / b.steps - a.seconds / a.steps)[0];
  return (
    `**The "auto" mode** (recursive while recursionSize() <= ${int(LIVE_RECURSION_LIMIT)}) picks: ${picks}. ` +
    'recursionSize() and the "measured" column count the calls that pass the memory check (those that train); ' +
    'the "within memory" column also counts the calls that return at once (inputs, steps older than the memory). ' +
    (slowest
      ? `The slowest network auto keeps recursive takes ${fmt((slowest.seconds * 1000) / slowest.steps)} ms per step.`
      : '')
  );
}

function speedReading(rows: LiveSpeedRow[], propagateOnly: LiveSpeedRow[]): string {
  const pair = (size: number, memory: number) =>
    ['recursive', 'accumulate'].map((u) =>
      rows.find((r) => r.size === size && r.memory === memory && r.update === u),
    );
  const ratios = rows
    .filter((r) => r.update === 'recursive' && !r.overLimit)
    .map((r) => {
      const [rec, acc] = pair(r.size, r.memory);
      return `${r.size} neurons, M ${r.memory}: ${fmt(acc!.stepsPerSecond / rec!.stepsPerSecond)}x`;
    });
  const m3 = rows.filter((r) => r.update === 'recursive' && r.memory === DEFAULT_MEMORY);
  const exact = rows.every((r) => r.callsPerReward === undefined || r.callsPerReward === r.recursionSize);
  const slowest = propagateOnly.reduce((a, b) => (b.stepsPerSecond < a.stepsPerSecond ? b : a));
  return [
    `**Update modes.** Accumulate against recursive, steps/s: ${ratios.join('; ')}. A step here is dominated ` +
      `by the reward: propagate alone runs at ${propagateOnly
        .map((r) => `${fmt(r.stepsPerSecond)}/s (${r.size})`)
        .join(', ')}. An accumulate reward costs ${propagateOnly
        .map((p) => {
          const acc = rows.find(
            (r) => r.size === p.size && r.memory === p.memory && r.update === 'accumulate',
          )!;
          return `${fmt(1000 / acc.stepsPerSecond - 1000 / p.stepsPerSecond)} ms (${p.size})`;
        })
        .join(', ')}: it is linear in the (neuron, step) pairs it reaches, each kept in string-keyed maps; ` +
      'this bench does not break that cost down further.',
    `**Why recursive mode does not explode at D = ${OPTIONS.depth} with the default memory.** A train call ` +
      `returns at once for a step older than the memory holds, and every recurrent edge goes one step back, so ` +
      `with M = ${DEFAULT_MEMORY} a path takes at most ${DEFAULT_MEMORY - 1} recurrent edges: the calls per reward ` +
      `are ${m3.map((r) => int(r.withinMemory)).join(', ')} (${m3.map((r) => r.size).join(', ')} neurons; ` +
      `of them ${m3.map((r) => int(r.recursionSize)).join(', ')} do work, the rest return at once). ` +
      (exact
        ? 'The measured counts equal recursionSize() exactly (a check of both). '
        : 'The measured counts differ from recursionSize(): weights that fell to 0 cut paths. ') +
      `With M = 10 the paths reach D: one reward is ` +
      `${rows
        .filter((r) => r.memory !== DEFAULT_MEMORY && r.update === 'recursive')
        .map((r) => `${int(r.withinMemory)} calls (${r.size} neurons)`)
        .join(', ')}, the k^D growth the accumulate mode exists for.`,
    autoReading(rows),
    `The slowest propagate (${slowest.size} neurons) still runs ${fmt(slowest.stepsPerSecond)} steps/s.`,
  ].join('\n\n');
}

export function liveSection(r: LiveResults, runLine: string): string {
  const memories = [...new Set(r.speed.rows.map((x) => x.memory))].join(' and ');
  const modes = [...new Set(r.success.cells.flatMap((c) => c.runs.map((x) => x.updateMode)))].join(', ');
  return [
    '## Dynamic-Live network',
    '',
    `Written by bench/liveSpeed.ts, liveTensor.ts, liveSuccess.ts, liveReport.ts and liveTables.ts (issue #4; \`npm run bench -- --live-only\` runs this section alone). ${runLine} This section took ${r.seconds.toFixed(0)} s.`,
    '',
    '### Steps/s for 10, 100 and 1,000 neurons, both update modes',
    '',
    `LiveNetwork built directly (src/engine/arch/live/network.ts), one step = propagate + reinforce([r]). Random ` +
      `networks (seed ${SEED}): ${INPUTS} inputs, ${HIDDEN_LAYERS} hidden layers of equal width, 1 output; each ` +
      `neuron has k in [${K_MIN}, ${K_MAX}] allowed sources: one from the layer below, the others each from an ` +
      `earlier layer with probability ${FORWARD_SHARE}, else from its own or a later layer (itself included: ` +
      `recurrent, read at the previous step). Options: ${OPTIONS.activation} activation, lr ${OPTIONS.lr}, depth ` +
      `D = ${OPTIONS.depth}, ${OPTIONS.sharing} sharing, pRewire ${OPTIONS.pRewire}, memory M = ${memories} ` +
      `(${DEFAULT_MEMORY} is the default). Inputs U(0, 1), reward U(−1, 1), from a seeded stream. Each row times a fresh network ` +
      `until ${TIME_CAP_MS / 1000} s or ${int(STEP_CAP)} steps, whichever comes first. "recursionSize()" is the ` +
      "engine's count of the train calls per reward that pass the memory check (the ones that train); " +
      `"measured" is the network's own count of them (lastReinforceCalls), the mean over ${PROBE_STEPS} rewards ` +
      'after M warm-up steps; "within memory" is counted by the bench from the structure: every call at ' +
      'initialisation, including those that return at once (input neurons, steps older than the memory). A ' +
      `network whose recursionSize() passes ${int(CALL_LIMIT)} calls is not run in recursive mode.`,
    '',
    speedTable(r.speed.rows),
    '',
    speedReading(r.speed.rows, r.speed.propagateOnly),
    '',
    '### Tensors where they pay?',
    '',
    `The ${TENSOR_SIZE}-neuron network (M = 3) as tfjs ops in Node: per layer, a dense [N, width] weight matrix ` +
      'that is 0 where no source is allowed, and its 0/1 mask; y = (v·W / v·M)² (0 where v·M = 0), layer by layer ' +
      'over the vector v of all current values (earlier layers already this step, the rest last step), then the ' +
      'output read back as a reward would need it. Weights fixed at 1/k (the initialisation); each timed for 1.5 s.',
    '',
    tensorReading(r.tensor),
    '',
    '### Success rate on the reward tasks, with and without rewiring',
    '',
    'The default network (`defaultLiveSpec()`: in -> h0, h1, h2 -> out; h1 and h2 also read h0, at the ' +
      'previous step, as the same layer), through the engine API (createSession + train). For the 2-D task the ' +
      `inputs x1, x2 replace "in" (as the UI's task switch does). Reference activation, M = 3, lr ${LIVE_LR} (the default), D = 10, ` +
      `equal sharing, update auto (${modes} for this network), reward 1 − 2|y − target|. Tasks at their ` +
      'defaults: temporal XOR and delayed recall with d = 1, parity of n = 2 bits (the same target as temporal ' +
      'XOR d = 1, on another stream), the echo rewarded d = 1 step late, and the circle (noise 0, points scaled ' +
      `to [0, 1]). Seeds ${LIVE_SEEDS.join(', ')}; pRewire 0.1 (rewiring on, the default) and 0 (off). Each run ` +
      `trains ${int(CHECKPOINTS.at(-1)!)} steps; accuracy (y > 0.5 against the target) and mean reward are over ` +
      `the ${FINAL_WINDOW} steps before each checkpoint (five 100-step windows of the session's metrics). ` +
      `Success: accuracy >= ${SUCCESS * 100}% in the last window. Chance: the targets are fair coin flips ` +
      '(circle: a balanced set), so the best constant output (always 0 or always 1) scores max(p, 1 − p) ≈ 50% ' +
      'with mean reward |2p − 1| ≈ 0; an output stuck at 0.5 scores 1 − p and reward 0. Mean ± sd over the seeds.',
    '',
    successTable(r.success.cells),
    '',
    successReading(r.success.cells),
    '',
  ].join('\n');
}
