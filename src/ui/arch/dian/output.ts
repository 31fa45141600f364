/** The DIAN's Output additions: test accuracy with the gate forced on and off, and g under the pointer. */
import type { OutputUi } from '../types';
import { pct } from '../../views/format';
import { LAYERED_METRICS, planeTask } from '../../views/layeredOutput';
import { gridReadout } from '../../views/plane';

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
  readout: () => {
    const gate = gridReadout();
    return {
      update: (f) => void (f.arch.kind === 'dian' && gate.set(f.arch.gateMap, f.heatmapRes)),
      text: (x1, x2) => {
        const g = gate.at(x1, x2);
        return g === undefined ? undefined : `gate g = ${g.toFixed(3)}`;
      },
    };
  },
};
