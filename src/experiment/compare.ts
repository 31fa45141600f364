/**
 * Compare any two (issue 14): the running experiment (A) against a variant of it (B) that differs in one thing —
 * the architecture, the activation, the optimizer, the learning rate, one hidden layer's width, or the seed — on the
 * same task and data. Pure edits of the spec: the worker trains what these return (worker/comparison.ts).
 */
import { OPTIMIZERS, type Architecture, type ExperimentSpec } from './spec';
import { ACTIVATIONS } from './arch/mlp/slice';
import { FINAL_ACTIVATIONS } from './arch/dian/slice';
import { WORMHOLE_ACTIVATIONS } from './arch/wormhole/slice';
import { validateSpec } from './validate';

/** One model of a comparison: what the legend and the table call it, and the spec it trains. */
export interface ComparisonArm {
  label: string;
  spec: ExperimentSpec;
}

/** The architectures an A/B compares: those trained on the Data panel's task with a test set. */
export const COMPARED_ARCHITECTURES = ['mlp', 'dian', 'wormhole'] as const satisfies Architecture[];

/** Why the Dynamic-Live network is not offered (said in the UI, and by the engine if asked anyway). */
export const LIVE_NOT_COMPARED =
  'The Dynamic-Live network is not compared here: it learns from rewards on its own stream of inputs and has no ' +
  'test set (its test loss and accuracy are not defined), so its curves cannot be set beside the test curves ' +
  'this view draws and judges; its own metrics (recent error, hits and reward) are in the Output panel.';

/** Short names, for the legend. */
export const SHORT_NAMES: Record<Architecture, string> = {
  mlp: 'MLP',
  dian: 'DIAN',
  live: 'Dynamic-Live',
  wormhole: 'Wormhole',
};

export type Variant =
  | { kind: 'architecture'; architecture: Architecture }
  | { kind: 'activation'; activation: string }
  | { kind: 'optimizer'; optimizer: (typeof OPTIMIZERS)[number] }
  | { kind: 'learningRate'; learningRate: number }
  /** layer: 0-based index of the hidden layer. */
  | { kind: 'width'; layer: number; width: number }
  | { kind: 'seed'; seed: number };
export type VariantKind = Variant['kind'];

export const VARIANT_KINDS: { value: VariantKind; label: string }[] = [
  { value: 'architecture', label: 'architecture' },
  { value: 'activation', label: 'activation' },
  { value: 'optimizer', label: 'optimizer' },
  { value: 'learningRate', label: 'learning rate' },
  { value: 'width', label: 'a hidden layer’s width' },
  { value: 'seed', label: 'seed' },
];

/** The activation an A/B can change, per architecture: the MLP's, the wormhole network's, the DIAN's output's. */
export function activationOf(spec: ExperimentSpec): {
  label: string;
  options: readonly string[];
  value: string;
} {
  switch (spec.architecture) {
    case 'dian':
      return { label: 'final activation', options: FINAL_ACTIVATIONS, value: spec.dian.finalActivation };
    case 'wormhole':
      return { label: 'activation', options: WORMHOLE_ACTIVATIONS, value: spec.wormhole.activation };
    default:
      return { label: 'activation', options: ACTIVATIONS, value: spec.mlp.activation };
  }
}

/** The hidden layers' widths of a layered network (the DIAN has two). */
export function widthsOf(spec: ExperimentSpec): number[] {
  switch (spec.architecture) {
    case 'dian':
      return [spec.dian.layer1, spec.dian.layer2];
    case 'wormhole':
      return spec.wormhole.hidden;
    default:
      return spec.mlp.hiddenLayers;
  }
}

function withWidth(spec: ExperimentSpec, layer: number, width: number): ExperimentSpec {
  switch (spec.architecture) {
    case 'dian':
      return { ...spec, dian: { ...spec.dian, [layer === 0 ? 'layer1' : 'layer2']: width } };
    case 'wormhole':
      return { ...spec, wormhole: { ...spec.wormhole, hidden: spec.wormhole.hidden.with(layer, width) } };
    default:
      return { ...spec, mlp: { ...spec.mlp, hiddenLayers: spec.mlp.hiddenLayers.with(layer, width) } };
  }
}

function withActivation(spec: ExperimentSpec, activation: string): ExperimentSpec {
  switch (spec.architecture) {
    case 'dian':
      return { ...spec, dian: { ...spec.dian, finalActivation: activation as 'none' } };
    case 'wormhole':
      return { ...spec, wormhole: { ...spec.wormhole, activation: activation as 'tanh' } };
    default:
      return { ...spec, mlp: { ...spec.mlp, activation: activation as 'tanh' } };
  }
}

/** B: A with the one change (an unknown activation or width is left to validateSpec to refuse). */
export function applyVariant(a: ExperimentSpec, v: Variant): ExperimentSpec {
  switch (v.kind) {
    case 'architecture':
      return { ...a, architecture: v.architecture };
    case 'activation':
      return withActivation(a, v.activation);
    case 'optimizer':
      return { ...a, training: { ...a.training, optimizer: v.optimizer } };
    case 'learningRate':
      return { ...a, training: { ...a.training, learningRate: v.learningRate } };
    case 'width':
      return withWidth(a, v.layer, v.width);
    case 'seed':
      return { ...a, seed: v.seed };
  }
}

/** What a spec has in the compared respect, in words ("relu", "learning rate 0.1", "MLP 4-2"). */
export function variantText(spec: ExperimentSpec, v: Variant): string {
  switch (v.kind) {
    case 'architecture':
      return `${SHORT_NAMES[spec.architecture]} ${widthsOf(spec).join('-')}`;
    case 'activation':
      return `${activationOf(spec).label} ${activationOf(spec).value}`;
    case 'optimizer':
      return spec.training.optimizer;
    case 'learningRate':
      return `learning rate ${spec.training.learningRate}`;
    case 'width':
      return `layer ${v.layer + 1}: ${widthsOf(spec)[v.layer]} neurons`;
    case 'seed':
      return `seed ${spec.seed}`;
  }
}

/** A variant that differs from A, as a starting choice for the kind picked (the UI's defaults). */
export function defaultVariant(a: ExperimentSpec, kind: VariantKind): Variant {
  const other = <T>(options: readonly T[], current: T) => options.find((o) => o !== current) ?? current;
  switch (kind) {
    case 'architecture':
      return { kind, architecture: other(COMPARED_ARCHITECTURES, a.architecture as 'mlp') };
    case 'activation': {
      const { options, value } = activationOf(a);
      return { kind, activation: other(options, value) };
    }
    case 'optimizer':
      return { kind, optimizer: other(OPTIMIZERS, a.training.optimizer) };
    case 'learningRate': {
      const lr = a.training.learningRate;
      return { kind, learningRate: lr * 10 <= 1 ? +(lr * 10).toPrecision(6) : +(lr / 10).toPrecision(6) };
    }
    case 'width': {
      const w = widthsOf(a)[0] ?? 1;
      return { kind, layer: 0, width: w * 2 <= 64 ? w * 2 : Math.max(1, w / 2) };
    }
    case 'seed':
      // Past the 10 seeds A may use (seed, seed + 1, ...), so that A and B never share one.
      return { kind, seed: a.seed + 10 <= 2 ** 31 - 1 ? a.seed + 10 : a.seed - 10 };
  }
}

/**
 * The two arms of an A/B, labelled "A (…)" and "B (…)"; or why there are none: A is a Dynamic-Live network, B is no
 * valid experiment (its problems, as a link's would be named), or B is A.
 */
export function abArms(a: ExperimentSpec, v: Variant): { arms?: ComparisonArm[]; problem?: string } {
  if (a.architecture === 'live') return { problem: LIVE_NOT_COMPARED };
  if (v.kind === 'architecture' && v.architecture === 'live') return { problem: LIVE_NOT_COMPARED };
  if (v.kind === 'width' && !(v.layer >= 0 && v.layer < widthsOf(a).length))
    return { problem: `This network has no hidden layer ${v.layer + 1}.` };
  const { spec: b, problems } = validateSpec(JSON.parse(JSON.stringify(applyVariant(a, v))));
  if (problems.length > 0) return { problem: `B is not a valid experiment: ${problems.join('; ')}.` };
  const [textA, textB] = [variantText(a, v), variantText(b, v)];
  if (textA === textB)
    return { problem: `B is the same as A (${textA}): choose another ${kindLabel(v.kind)}.` };
  return {
    arms: [
      { label: `A (${textA})`, spec: a },
      { label: `B (${textB})`, spec: b },
    ],
  };
}

const kindLabel = (kind: VariantKind) => VARIANT_KINDS.find((k) => k.value === kind)!.label;
