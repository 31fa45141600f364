/** The DIAN's Output additions: test accuracy with the gate forced on and off, and g under the pointer. */
import type { OutputUi } from '../types';
import { pct } from '../../views/format';
import { LAYERED_METRICS, planeTask } from '../../views/layeredOutput';
import { mapReadout } from '../../views/plane';

export const dianOutput: OutputUi = {
  metrics: [
    ...LAYERED_METRICS,
    {
      label: 'Test accuracy, gate on',
      testId: 'test-accuracy-gate-on',
      read: (f) => (f.arch.kind === 'dian' ? pct(f.arch.testAccuracyGateOn) : '–'),
    },
    {
      label: 'Test accuracy, gate off',
      testId: 'test-accuracy-gate-off',
      read: (f) => (f.arch.kind === 'dian' ? pct(f.arch.testAccuracyGateOff) : '–'),
    },
  ],
  showPlane: planeTask,
  readout: () =>
    mapReadout(
      (f) => (f.arch.kind === 'dian' ? f.arch.gateMap : undefined),
      (g) => `gate g = ${g.toFixed(3)}`,
    ),
};
