/**
 * Compare any two (issue 14): the running experiment (A) against a variant of it (B) that differs in one thing —
 * the architecture, the activation, the optimizer, the learning rate, one hidden layer's width, or the seed; for the
 * Dynamic-Live network one of its options or the seed (compareLive.ts) — on the same task and data. Pure edits of
 * the spec: the worker trains what these return (worker/comparison.ts).
 */
import { OPTIMIZERS, type Architecture, type ExperimentSpec } from './spec';
import { ACTIVATIONS } from './arch/mlp/slice';
import { FINAL_ACTIVATIONS } from './arch/dian/slice';
import { WORMHOLE_ACTIVATIONS } from './arch/wormhole/slice';
import { validateSpec } from './validate';
import { echoDelayProblem } from './arch/live/graph';
import { betaRecursionProblem } from './arch/live/edits';
import {
  applyLiveVariant,
  comparable,
  defaultLiveVariant,
  isLiveKindKey,
  LIVE_NOT_MIXED,
  LIVE_VARIANT_KINDS,
  liveKindKey,
  liveVariantText,
  type LiveKindKey,
  type LiveOption,
  type LiveVariant,
} from './compareLive';

/** One model of a comparison: what the legend and the table call it, and the spec it trains. */
export interface ComparisonArm {
  label: string;
  spec: ExperimentSpec;
}

/**
 * The architectures B may be when A is one of them: those trained on the Data panel's task with a test set. A
 * Dynamic-Live A is compared with Live variants only (compareLive.ts).
 */
export const COMPARED_ARCHITECTURES = ['mlp', 'dian', 'wormhole'] as const satisfies Architecture[];

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
  | { kind: 'seed'; seed: number }
  | LiveVariant;
/** What "B differs in" offers: a kind of variant, or (Dynamic-Live) one of the Live options. */
export type VariantKind = Exclude<Variant['kind'], 'live'> | LiveKindKey;

/** The value "B differs in" shows for a variant. */
export const variantKind = (v: Variant): VariantKind => (v.kind === 'live' ? liveKindKey(v.option) : v.kind);

export const VARIANT_KINDS: { value: VariantKind; label: string }[] = [
  { value: 'architecture', label: 'architecture' },
  { value: 'activation', label: 'activation' },
  { value: 'optimizer', label: 'optimizer' },
  { value: 'learningRate', label: 'learning rate' },
  { value: 'width', label: 'a hidden layer’s width' },
  { value: 'seed', label: 'seed' },
];

/** The kinds of B offered for A: the Live options and the seed for a Dynamic-Live A, the others else. */
export const variantKindsOf = (a: ExperimentSpec): { value: VariantKind; label: string }[] =>
  a.architecture === 'live' ? [...LIVE_VARIANT_KINDS, { value: 'seed', label: 'seed' }] : VARIANT_KINDS;

/** The variant the panel starts from: another activation (a Live A: another Live learning rate). */
export const firstVariant = (a: ExperimentSpec): Variant =>
  defaultVariant(a, a.architecture === 'live' ? liveKindKey('lr') : 'activation');

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
    case 'live':
      return applyLiveVariant(a, v);
  }
}

/** What a spec has in the compared respect, in words ("relu", "learning rate 0.1", "MLP 4-2"). */
export function variantText(spec: ExperimentSpec, v: Variant): string {
  switch (v.kind) {
    case 'architecture':
      return spec.architecture === 'live'
        ? SHORT_NAMES.live
        : `${SHORT_NAMES[spec.architecture]} ${widthsOf(spec).join('-')}`;
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
    case 'live':
      return liveVariantText(spec, v);
  }
}

/** A variant that differs from A, as a starting choice for the kind picked (the UI's defaults). */
export function defaultVariant(a: ExperimentSpec, kind: VariantKind): Variant {
  if (isLiveKindKey(kind)) return defaultLiveVariant(a, kind.slice('live.'.length) as LiveOption);
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

/** Why B is not offered for A: a Live arm beside a non-Live one, or a kind the architecture does not have. */
function kindProblem(a: ExperimentSpec, v: Variant): string | undefined {
  const live = a.architecture === 'live';
  if (v.kind === 'architecture' && !comparable(a.architecture, v.architecture)) return LIVE_NOT_MIXED;
  if (live && !['live', 'seed', 'architecture'].includes(v.kind))
    return `The Dynamic-Live network has no ${kindLabel(variantKind(v))} to change: choose one of its own options or the seed.`;
  if (!live && v.kind === 'live')
    return `The ${SHORT_NAMES[a.architecture]} has no ${kindLabel(variantKind(v))}: that is a Dynamic-Live option.`;
  if (v.kind === 'width' && !(v.layer >= 0 && v.layer < widthsOf(a).length))
    return `This network has no hidden layer ${v.layer + 1}.`;
  return undefined;
}

/** What the Live session would refuse at its start (its memory too short for the echo, the beta recursion too big). */
const liveProblem = (b: ExperimentSpec) =>
  b.architecture === 'live' ? (echoDelayProblem(b.live) ?? betaRecursionProblem(b.live)) : undefined;

/**
 * The two arms of an A/B, labelled "A (…)" and "B (…)"; or why there are none: a Dynamic-Live arm beside another
 * architecture, B is no valid experiment (its problems, as a link's would be named), or B is A.
 */
export function abArms(a: ExperimentSpec, v: Variant): { arms?: ComparisonArm[]; problem?: string } {
  const mismatch = kindProblem(a, v);
  if (mismatch) return { problem: mismatch };
  const { spec: b, problems } = validateSpec(JSON.parse(JSON.stringify(applyVariant(a, v))));
  if (problems.length > 0) return { problem: `B is not a valid experiment: ${problems.join('; ')}.` };
  const refused = liveProblem(b);
  if (refused) return { problem: `B is not a valid experiment: ${refused.replace(/\.?$/, '.')}` };
  const [textA, textB] = [variantText(a, v), variantText(b, v)];
  if (textA === textB)
    return { problem: `B is the same as A (${textA}): choose another ${kindLabel(variantKind(v))}.` };
  return {
    arms: [
      { label: `A (${textA})`, spec: a },
      { label: `B (${textB})`, spec: b },
    ],
  };
}

const kindLabel = (kind: VariantKind) =>
  [...VARIANT_KINDS, ...LIVE_VARIANT_KINDS].find((k) => k.value === kind)!.label;
