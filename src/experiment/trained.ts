/**
 * Trained weights from a link or a file ({ step, weights, state? }): every shape checked, each problem named by
 * its path. Weights must be finite as float32 and within MAX_WEIGHT_MAGNITUDE (1e39 is finite in JSON, infinite
 * in float32); the step a whole number up to MAX_STEP.
 */
import { isRecord } from './fields';
import { MAX_STEP, MAX_WEIGHT_MAGNITUDE, quote } from './limits';
import { nameRecord } from './names';
import type { WeightMap, WeightValues } from './spec';
import { checkTrainingState, type TrainingState } from './trainingState';

/** What Export file writes in its `format` field (and what Import file and a PyTorch script's --save check). */
export const FILE_FORMAT = 'dynamic-nets-experiment';

export interface Trained {
  step: number;
  weights: WeightMap;
  /** What training goes on from: the optimizer's state and the batch order (absent in older links and files). */
  state?: TrainingState;
}

/** A weight as a link or file may carry it. */
export const isWeightValue = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(Math.fround(v)) && Math.abs(v) <= MAX_WEIGHT_MAGNITUDE;

const isStep = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_STEP;

/** One named weight: a shape of whole numbers and that many values, each a weight value. */
function weightProblem(w: unknown): string | undefined {
  if (!isRecord(w) || !Array.isArray(w.shape) || !Array.isArray(w.values)) return 'not { shape, values }';
  if (!w.shape.every((d) => Number.isInteger(d) && d >= 0)) return 'shape: not a list of whole numbers';
  const size = w.shape.reduce((n: number, d: number) => n * d, 1);
  if (size !== w.values.length)
    return `values: ${w.values.length} values for the shape [${w.shape.join(', ')}]`;
  const bad = w.values.findIndex((v) => !isWeightValue(v));
  return bad < 0 ? undefined : `values[${bad}]: not a number within ±${MAX_WEIGHT_MAGNITUDE}`;
}

/**
 * The trained weights, or undefined with the reasons (by path) in `problems`. The weights come back in a record
 * without a prototype, each a copy, and nothing but step, weights and state is kept.
 */
export function readTrained(data: unknown, problems: string[]): Trained | undefined {
  if (!isRecord(data)) return void problems.push('the weights are not an object');
  const before = problems.length;
  if (!isStep(data.step)) problems.push(`step: not a whole number from 0 to ${MAX_STEP}`);
  const weights: [string, WeightValues][] = [];
  if (!isRecord(data.weights)) problems.push('weights: not an object of named weights');
  else
    for (const [name, w] of Object.entries(data.weights)) {
      const problem = weightProblem(w);
      if (problem) problems.push(`weights["${quote(name)}"].${problem}`);
      else
        weights.push([
          name,
          { shape: [...(w as WeightValues).shape], values: [...(w as WeightValues).values] },
        ]);
      if (problems.length - before > 4) break;
    }
  const state = data.state === undefined ? undefined : checkTrainingState(data.state);
  if (data.state !== undefined && !state) problems.push("state: not the optimizer's state and batch order");
  if (problems.length > before) return undefined;
  return { step: data.step as number, weights: nameRecord(weights), ...(state ? { state } : {}) };
}

/** Untrusted { step, weights, state? } (from a link, a file or a message) as checked numbers, or undefined. */
export const checkTrained = (data: unknown): Trained | undefined => readTrained(data, []);
