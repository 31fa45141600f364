/** Dynamic-Live has no test set: its Output is over the last rewarded steps, and the plane only for 2-D points. */
import { fmt, pct } from '../../views/format';
import type { OutputUi } from '../types';
import { RecentSteps } from './RecentSteps';

export const liveOutput: OutputUi = {
  metrics: [
    { label: 'Squared error (last 100 steps)', testId: 'loss', read: (f) => fmt(f.metrics.trainLoss) },
    {
      label: 'Mean reward (last 100 steps)',
      testId: 'mean-reward',
      read: (f) => (f.arch.kind === 'live' ? fmt(f.arch.meanReward) : '–'),
    },
    { label: 'Accuracy (last 100 steps)', read: (f) => pct(f.metrics.trainAccuracy) },
  ],
  showPlane: (spec) => spec.live.task === '2d',
  Extras: RecentSteps,
};
