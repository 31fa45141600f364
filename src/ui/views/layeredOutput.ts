/** What the gradient-trained (layered) networks show in the Output panel, before their own additions. */
import { isSequenceTask, type ExperimentSpec } from '../../experiment';
import type { MetricRow } from '../arch/types';
import { fmt, pct } from './format';

export const LAYERED_METRICS: MetricRow[] = [
  { label: 'Training loss', testId: 'loss', read: (f) => fmt(f.metrics.trainLoss) },
  { label: 'Test loss', testId: 'test-loss', read: (f) => fmt(f.metrics.testLoss) },
  { label: 'Training accuracy', read: (f) => pct(f.metrics.trainAccuracy) },
  { label: 'Test accuracy', testId: 'test-accuracy', read: (f) => pct(f.metrics.testAccuracy) },
];

/** Sequence tasks have no input plane to draw. */
export const planeTask = (spec: ExperimentSpec) => !isSequenceTask(spec.task.kind);
