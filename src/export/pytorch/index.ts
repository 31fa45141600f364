/**
 * toPyTorch(experiment): an exported experiment (what Export file writes: spec, weights, step, training state) as
 * one self-contained PyTorch script: the network written from its maths, the same data, the trained weights, the
 * optimizer and the training loop, and a command line (--predict, --train, --seeds, --device).
 */
import type { Architecture } from '../../experiment';
import { layeredScript, type ExportedExperiment, type LayeredArch } from './layered';
import { DIAN_ARCH } from './dian';
import { MLP_ARCH } from './mlp';
import { WORMHOLE_ARCH } from './wormhole';

export type { ExportedExperiment };

const ARCHS: Partial<Record<Architecture, LayeredArch>> = {
  mlp: MLP_ARCH,
  dian: DIAN_ARCH,
  wormhole: WORMHOLE_ARCH,
};

/** Whether toPyTorch writes scripts for this architecture (Dynamic-Live: not yet). */
export function hasPyTorchExport(architecture: Architecture): boolean {
  return ARCHS[architecture] !== undefined;
}

/** The script's file name: the architecture, the task and the step (a valid Python module name). */
export function pytorchFileName(experiment: Pick<ExportedExperiment, 'spec' | 'step'>): string {
  const { architecture, task } = experiment.spec;
  return `${architecture}_${task.kind.replace('-', '_')}_step${experiment.step}.py`;
}

export function toPyTorch(experiment: ExportedExperiment): string {
  const arch = ARCHS[experiment.spec.architecture];
  if (!arch) throw new Error(`no PyTorch export for the ${experiment.spec.architecture} network yet`);
  return layeredScript(arch, experiment, pytorchFileName(experiment));
}
