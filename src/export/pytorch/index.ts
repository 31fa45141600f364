/**
 * toPyTorch(experiment): an exported experiment (what Export file writes: spec, weights, step, training state) as
 * one self-contained PyTorch script: the network written from its maths, the same data, the trained weights, the
 * optimizer and the training loop, and a command line (--predict, --train, --seeds, --device). Dynamic-Live's is
 * plain Python (its training is scalar code), with its reward task and a --save back to an experiment file.
 */
import type { Architecture, OutputHead } from '../../experiment';
import { layeredScript, type ExportedExperiment, type LayeredArch } from './layered';
import { DIAN_ARCH } from './dian';
import { liveScript } from './live';
import { MLP_ARCH } from './mlp';
import { WORMHOLE_ARCH } from './wormhole';

export type { ExportedExperiment };

/** The gradient-trained networks share one script layout (layered.ts); Dynamic-Live has its own (live.ts). */
const ARCHS: Record<Exclude<Architecture, 'live'>, LayeredArch> = {
  mlp: MLP_ARCH,
  dian: DIAN_ARCH,
  wormhole: WORMHOLE_ARCH,
};

/**
 * The script's file name: the architecture, the task (Live: its reward task, and the data task for the 2-D one)
 * and the step (a valid Python module name).
 */
export function pytorchFileName(experiment: Pick<ExportedExperiment, 'spec' | 'step'>): string {
  const { architecture, task, live } = experiment.spec;
  const kind = architecture !== 'live' ? task.kind : live.task === '2d' ? `2d_${task.kind}` : live.task;
  return `${architecture}_${kind.replace(/-/g, '_')}_step${experiment.step}.py`;
}

/**
 * Why an experiment with this output head cannot be exported, or undefined: the scripts write the networks with
 * one logit (sigmoid cross-entropy) and regenerate the 2-D tasks' data, so K classes and regression (which come
 * with tabular data) are refused.
 */
export function pytorchRefusal(head: OutputHead): string | undefined {
  if (head.kind === 'binary') return undefined;
  const what =
    head.kind === 'classes' ? `${head.k} classes (softmax cross-entropy)` : 'regression (squared error)';
  return `The PyTorch export writes binary classifiers of the 2-D tasks only; this network's ${what} is not exported yet.`;
}

/** The script; throws the refusal's message for a head it does not write (the binary head by default). */
export function toPyTorch(experiment: ExportedExperiment, head: OutputHead = { kind: 'binary' }): string {
  const refusal = pytorchRefusal(head);
  if (refusal) throw new Error(refusal);
  const { architecture } = experiment.spec;
  const fileName = pytorchFileName(experiment);
  if (architecture === 'live') return liveScript(experiment, fileName);
  return layeredScript(ARCHS[architecture], experiment, fileName);
}
