/** The Wormhole's Output additions: the sweeps map, sweeps under the pointer, and a click picks the replay. */
import { engine } from '../../appState';
import { LAYERED_METRICS, planeTask } from '../../views/layeredOutput';
import { gridReadout } from '../../views/plane';
import type { OutputUi } from '../types';
import { SweepsMap } from './SweepsMap';

export const wormholeOutput: OutputUi = {
  metrics: LAYERED_METRICS,
  showPlane: planeTask,
  Extras: SweepsMap,
  readout: () => {
    const sweeps = gridReadout();
    return {
      update: (f) => void (f.arch.kind === 'wormhole' && sweeps.set(f.arch.iterationMap, f.heatmapRes)),
      text: (x1, x2) => {
        const n = sweeps.at(x1, x2);
        return n === undefined ? undefined : `${n} sweeps`;
      },
    };
  },
  onPlaneClick: (point) => engine.selectSample(point),
};
