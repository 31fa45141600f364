/**
 * Compare any two for the Dynamic-Live network (issue 14): A is the running Live experiment, B the same with one of
 * the Live options changed (or another seed; compare.ts); the same reward task and task settings. A Live network is
 * compared only with a Live network: its metrics are over its own last rewarded steps, not a test set.
 */
import { echoDelayProblem } from './arch/live/graph';
import { LIVE_FIELDS, type LiveSpec } from './arch/live/slice';
import type { Architecture, ExperimentSpec } from './spec';

/** Why a Live arm and a non-Live arm are not set side by side (said by compare.ts and by the engine). */
export const LIVE_NOT_MIXED =
  'A Dynamic-Live network is compared only with another Dynamic-Live network: it learns from rewards on its own ' +
  'stream of inputs and has no test set, so its metrics (accuracy and mean reward over its last 100 rewarded ' +
  'steps) cannot be set beside the test loss and accuracy of the MLP, the DIAN or the Wormhole.';

/**
 * The Live options B may change: how it learns and fires, not the task (reward task, delay, parity bits, reward
 * function: they make the metrics, so A and B share them).
 */
export const LIVE_VARIANT_OPTIONS = [
  'lr',
  'memory',
  'depth',
  'sharing',
  'pRewire',
  'activation',
  'update',
  'fidelity',
] as const satisfies (keyof LiveSpec)[];
export type LiveOption = (typeof LIVE_VARIANT_OPTIONS)[number];

export interface LiveVariant {
  kind: 'live';
  option: LiveOption;
  value: number | string;
}

/** The value of "B differs in" for a Live option ("live.memory"). */
export const liveKindKey = (option: LiveOption) => `live.${option}` as const;
export type LiveKindKey = ReturnType<typeof liveKindKey>;

export const LIVE_VARIANT_KINDS: { value: LiveKindKey; label: string }[] = LIVE_VARIANT_OPTIONS.map((o) => ({
  value: liveKindKey(o),
  label: LIVE_FIELDS[o].label,
}));

export const isLiveKindKey = (key: string): key is LiveKindKey =>
  LIVE_VARIANT_KINDS.some((k) => k.value === key);

/** Whether two architectures' comparisons can be set side by side: both Live, or neither. */
export const comparable = (a: Architecture, b: Architecture) => (a === 'live') === (b === 'live');

export function applyLiveVariant(a: ExperimentSpec, v: LiveVariant): ExperimentSpec {
  return { ...a, live: { ...a.live, [v.option]: v.value } };
}

/** "Memory M 3", "Firing tanh". */
export function liveVariantText(spec: ExperimentSpec, v: LiveVariant): string {
  return `${LIVE_FIELDS[v.option].label} ${spec.live[v.option]}`;
}

/**
 * A B that differs from A in the option: the last of its choices that is not A's ("auto" update: accumulate, not
 * the recursion auto picks on a small net); the learning rate ten times A's (a tenth at the top: half of
 * 0.1 moves no answer of the reference example in hundreds of steps); another number half A's (a depth or
 * memory beyond what the net and task use changes nothing), twice A's where half would be A's or below the range.
 */
export function defaultLiveVariant(a: ExperimentSpec, option: LiveOption): LiveVariant {
  const row = LIVE_FIELDS[option];
  const current = a.live[option];
  if (row.kind === 'oneOf')
    return { kind: 'live', option, value: row.options.findLast((o) => o !== current) ?? current };
  const n = current as number;
  if (option === 'lr') {
    const value = n === 0 ? 0.1 : n * 10 <= row.max ? n * 10 : n / 10;
    return { kind: 'live', option, value: +value.toPrecision(6) };
  }
  const integer = row.kind === 'integer';
  const half = integer ? Math.floor(n / 2) : +(n / 2).toPrecision(6);
  const twice = n === 0 ? (integer ? 1 : 0.1) : Math.min(row.max, +(n * 2).toPrecision(6));
  // Not one the Live engine would refuse (a memory too short for the echo task's delay).
  const fits = (v: number) =>
    v !== n && v >= row.min && v > 0 && !echoDelayProblem({ ...a.live, [option]: v });
  return { kind: 'live', option, value: [half, twice].find(fits) ?? twice };
}
