/** The Wormhole's Output additions: the sweeps map, sweeps under the pointer, and a click picks the replay. */
import { engine } from '../../appState';
import { LAYERED_METRICS, planeTask } from '../../views/layeredOutput';
import { mapReadout } from '../../views/plane';
import type { OutputUi } from '../types';
import { SweepsMap } from './SweepsMap';

export const wormholeOutput: OutputUi = {
  metrics: LAYERED_METRICS,
  showPlane: planeTask,
  Extras: SweepsMap,
  readout: () =>
    mapReadout(
      (f) => (f.arch.kind === 'wormhole' ? f.arch.iterationMap : undefined),
      (n) => `${n} sweeps`,
    ),
  onPlaneClick: (point) => engine.selectSample(point),
  marker: (f) => (f.arch.kind === 'wormhole' ? f.arch.fixedPoint.point : undefined),
};
