/**
 * The Dynamic-Live network's script: plain Python (the engine's Live code is scalar too: per-neuron tensor ops cost
 * more than they compute), with the maths of its fidelity in the docstring, the spec, the seeded generator, the
 * network and its training (liveNetwork.ts), the reward task and session (liveRun.ts), and the weights and step of
 * the exported file. Like the app opening that file, it goes on with empty memories and fresh streams.
 */
import { FILE_FORMAT, type ExperimentSpec } from '../../experiment';
import type { ExportedExperiment } from './layered';
import { LIVE_ARITHMETIC_PY, LIVE_BETA_PY, LIVE_NETWORK_PY, LIVE_README_PY } from './liveNetwork';
import { LIVE_CLI_PY, LIVE_RUN_PY, LIVE_TASK_PY, liveDataPy } from './liveRun';
import { pyNumber, pySource, pyValue } from './python';
import { RNG_PY } from './rng';

const FIRING = `One step (propagate): the input neurons output their inputs; then each later layer PRIMES (every neuron reads
its allowed sources' current outputs x: earlier layers give this step's values, the same or later layers the
previous step's, the recurrence) and then FIRES:`;

const README_MATHS = `${FIRING}
    y = (sum_i w_i x_i / sum_i x_i)^2   (0 when sum_i x_i = 0; options (w.x)^2, tanh(w.x), sigmoid(w.x))
Each neuron remembers its last M steps (inputs, output) in a ring buffer by step mod M. A neuron with k sources
starts at w_i = 1/k; weights stay >= 0 and sum to 1 (w_i = 0: not connected).

Reinforcement as the Dynamic-Live README describes (the app's readme.ts): a reward r for output n at step t runs
  train(n, r, D, t): return unless step t is in n's memory; for each source i with w_i > 0:
      w_i += lr r x_i(t), then at once train(s_i, share_i, D - 1, t_i)
      (share r/k, or proportional r w_i x_i / w.x; t_i = t for an earlier-layer source, t - 1 otherwise);
  then weights that were > 0 and are now <= 0 become 0 (disconnect); if r < 0, each weight at 0 draws (u, v)
  and reconnects at 0.05 v when u < p (connect); then w /= sum w (a zero sum: uniform).
A call edits the neuron's weight list in place and ends by giving it a new normalised list: a nested call on the
same neuron (through a cycle) sees the outer call's edits, and the outer call's list wins; a weight such nesting
leaves below 0 disconnects after the reward.
"accumulate" sums each (neuron, step)'s reward over all paths first, level by level, and updates each once in the
order first reached (linear cost; "recursive" visits every path, about k^D). "auto" is recursive while one reward
makes at most 20,000 train calls.`;

const BETA_MATHS = `${FIRING}
    y = (sum_i w_i x_i / sum_i x_i)^2, else the integer zero when sum_i x_i = 0
Reinforcement as the Dynamic-Live beta code does (github.com/nochinator/Dynamic-live-architecture, branch beta,
commit 0a078d0; the app's beta.ts):
  memory  one row m, the latest priming, whatever step a reward is for; integer (truncated toward 0) for good
          when every source gave the integer zero at the neuron's first priming.
  train(n, r, D), for i = 0 .. k-1 in order, with the weights as they are by then:
      if w_i > 0:  w_i += lr r m_i, then if D > 1 train(s_i, r / k, D - 1) at once
      else, if r < 0, a rewiring pass: each j with w_j = 0 now draws u; if u > 0.9 it draws v, w_j = 0.05 v
      and after either branch w_j /= sum_j w_j for every j (no clamping: weights can go negative; a zero sum
      gives inf / nan weights for good).
  Equal sharing, full recursion, p fixed by the pass; M, firing, sharing and the update mode do not apply.`;

function header(experiment: ExportedExperiment, fileName: string): string {
  const { spec, step } = experiment;
  const live = spec.live;
  const task = live.task === '2d' ? `2-D ${spec.task.kind}` : live.task;
  const beta = live.fidelity === 'beta';
  return `"""Dynamic-Live network: ${task}, seed ${spec.seed}, ${beta ? 'as the beta code does' : 'as its README describes'}, exported from the Dynamic Nets Playground at step ${step}.

${beta ? BETA_MATHS : README_MATHS}

The weights and step are the app's at step ${step} (what Export file writes). Like the app opening that file, the
script goes on with empty memories and fresh task and rewiring streams (the app's seeded generator, draw for draw),
so --train takes the steps the app takes from the file, to the last bit (Python floats are the app's doubles).
Plain Python: the app's Live network is scalar code too, and --device is accepted but changes nothing.

Usage (python3 ${fileName} OPTIONS):
  --predict IN.json   propagates the rows of IN.json (a JSON list of input rows, ${spec.live.layers[0].length} value(s) each) one step
                      each, in order, and prints the output neurons' values after each as a JSON array (the app's
                      propagate)
  --train N           trains N more steps of the reward task, printing after each the mean reward over the last
                      100 rewarded steps (the app's evaluate().meanReward; nan before the first reward)
  --save OUT.json     writes the network (after --train and --predict) as an experiment file the app opens with
                      Import file, with the rewiring events of the run
  --seeds K           trains K seeds (SEED, SEED + 1, ...) from scratch for --train N steps (default: as many as
                      this experiment had) and prints their mean rewards and accuracies
"""`;
}

/** The spec as the app has it (--save writes it back), the Live options and the data task one per line. */
function specPy(spec: ExperimentSpec): string {
  const lines = Object.entries(spec).map(([key, value]) => {
    if (key !== 'live' && key !== 'task') return `    ${JSON.stringify(key)}: ${pyValue(value)},`;
    const inner = Object.entries(value as object).map(
      ([k, v]) => `        ${JSON.stringify(k)}: ${pyValue(v)},`,
    );
    return `    ${JSON.stringify(key)}: {\n${inner.join('\n')}\n    },`;
  });
  return `SPEC = {\n${lines.join('\n')}\n}`;
}

/** The weights per neuron over its allowed sources, in the app's names (doubles, exact). */
function weightsPy(experiment: ExportedExperiment): string {
  const entries = Object.entries(experiment.weights).map(
    ([name, w]) => `    ${JSON.stringify(name)}: [${w.values.map(pyNumber).join(', ')}],`,
  );
  return `TRAINED_WEIGHTS = {\n${entries.join('\n')}\n}`;
}

export function liveScript(experiment: ExportedExperiment, fileName: string): string {
  const { spec, step } = experiment;
  const beta = spec.live.fidelity === 'beta';
  return pySource([
    header(experiment, fileName),
    'import argparse\nimport json\nimport math\nimport statistics',
    [
      "# ---- The experiment (the app's spec) ----",
      `SEED = ${spec.seed}\nSTEP = ${step}\nFILE_FORMAT = ${JSON.stringify(FILE_FORMAT)}`,
      specPy(spec),
      "LIVE = SPEC['live']\nTASK = SPEC['task']",
    ].join('\n\n'),
    RNG_PY,
    LIVE_ARITHMETIC_PY,
    LIVE_NETWORK_PY,
    beta ? LIVE_BETA_PY : LIVE_README_PY,
    ...(spec.live.task === '2d' ? [liveDataPy(spec.task.kind)] : []),
    LIVE_TASK_PY,
    LIVE_RUN_PY,
    LIVE_CLI_PY,
    `# ---- The weights at step ${step}: neuron/<id> over that neuron's allowed sources, in order ----\n\n` +
      weightsPy(experiment),
    "if __name__ == '__main__':\n    main()",
  ]);
}
