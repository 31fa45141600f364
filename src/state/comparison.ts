/**
 * A comparison as the page keeps it (issue 14): what was compared (the experiment A as it was), how far it got,
 * and why it stopped early. A result made before the experiment changed is stale: `staleness` says what changed.
 */
import {
  ARCHITECTURE_SLICES,
  SHORT_NAMES,
  TASK_FIELDS,
  TRAINING_FIELDS,
  type Architecture,
  type ExperimentSpec,
  type Table,
} from '../experiment';
import type { ComparisonProgress } from '../protocol';

export interface ComparisonRecord {
  /** The page's number for it (its reports carry it). */
  id: number;
  /** The running experiment (A) when the comparison was asked for. */
  spec: ExperimentSpec;
  /** The step it had reached then. */
  step: number;
  /** How many test points the experiment had then (a one-seed verdict calls a gap under one of them a tie). */
  testPoints: number;
  /** The architectures compared: their settings make the result (another's do not). */
  architectures: Architecture[];
  /** What was asked: an A/B ('ab') or a preset of the architecture's (its verdict reads the runs its way). */
  kind: string;
  /** The engine's latest report; none before the first. */
  progress?: ComparisonProgress;
  /** Why it stopped before its end ("you pressed Play"): set by the page when something it does cancels it. */
  cancelled?: string;
}

/** Started and neither finished nor cancelled. */
export const comparisonRuns = (r: ComparisonRecord | undefined): r is ComparisonRecord =>
  r !== undefined && r.cancelled === undefined && !r.progress?.done && !r.progress?.cancelled;

function text(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.join('-');
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  return typeof v === 'object' ? '…' : String(v);
}

/** Words for the spec's non-scalar parts of a slice. */
const LISTS: Record<string, string> = {
  hiddenLayers: 'hidden layers',
  hidden: 'hidden layers',
  features: 'input features',
  layers: 'neurons',
  sources: 'connections',
};
/** Where the graph's neurons are drawn: no part of a result. */
const DRAWING_ONLY = new Set(['positions']);

function tableChanges(label: (l: string) => string, table: Table, a: object, b: object): string[] {
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const scalar = Object.entries(table).flatMap(([key, row]) =>
    ra[key] === rb[key]
      ? []
      : [`${label(row.label[0].toLowerCase() + row.label.slice(1))} (${text(ra[key])} → ${text(rb[key])})`],
  );
  const lists = Object.keys(ra)
    .filter(
      (key) =>
        !(key in table) && !DRAWING_ONLY.has(key) && JSON.stringify(ra[key]) !== JSON.stringify(rb[key]),
    )
    .map((key) => `${label(LISTS[key] ?? key)} (${text(ra[key])} → ${text(rb[key])})`);
  return [...scalar, ...lists];
}

/**
 * What changed between two experiments, in words ("the learning rate (0.03 → 0.1)"), among what makes a comparison:
 * the architecture, the seed, the data and training settings, and the settings of the compared architectures.
 * Speed, view and backend are not in it; nor, where only Dynamic-Live networks were compared, the training
 * settings (it has its own) and the data task unless its reward task scores the Data panel's points (2-D).
 */
export function changedSettings(
  before: ExperimentSpec,
  after: ExperimentSpec,
  architectures: Architecture[] = [before.architecture],
): string[] {
  const changes: string[] = [];
  if (before.architecture !== after.architecture)
    changes.push(
      `the architecture (${SHORT_NAMES[before.architecture]} → ${SHORT_NAMES[after.architecture]})`,
    );
  if (before.seed !== after.seed) changes.push(`the seed (${before.seed} → ${after.seed})`);
  const the = (l: string) => `the ${l}`;
  const live = architectures.every((a) => a === 'live');
  const data = !live || before.live.task === '2d' || after.live.task === '2d';
  if (data) changes.push(...tableChanges(the, TASK_FIELDS, before.task, after.task));
  if (!live) changes.push(...tableChanges(the, TRAINING_FIELDS, before.training, after.training));
  for (const arch of new Set(architectures)) {
    const slice = ARCHITECTURE_SLICES[arch];
    const owner = (l: string) => `the ${SHORT_NAMES[arch]}'s ${l}`;
    changes.push(...tableChanges(owner, slice.fields, before[arch], after[arch]));
  }
  return changes;
}

/** Why a comparison's result no longer describes the experiment; undefined while it still does. */
export function staleness(record: ComparisonRecord, now: ExperimentSpec): string | undefined {
  const changes = changedSettings(record.spec, now, record.architectures);
  if (changes.length === 0) return undefined;
  const list = changes.length > 1 ? `${changes.slice(0, -1).join(', ')} and ${changes.at(-1)}` : changes[0];
  return `Stale: compared at step ${record.step} of the experiment, before you changed ${list}.`;
}

/** "Comparison cancelled: you pressed Play (at step 150 of 300)." */
export function cancellationText(record: ComparisonRecord): string | undefined {
  if (record.cancelled === undefined) return undefined;
  const p = record.progress;
  const where = p ? ` (at step ${p.runs[0]?.steps.at(-1) ?? 0} of ${p.totalSteps})` : '';
  return `Comparison cancelled: ${record.cancelled}${where}.`;
}
