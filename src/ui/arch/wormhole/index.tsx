/** The Fixed-Point Wormhole in the UI: solver options, wormhole arcs on the graph, and the convergence replay. */
import { useAppStore } from '../../appState';
import { editWormholes } from '../../editHistory';
import { DataPanel } from '../../panels/DataPanel';
import { LayeredNetwork, type HiddenLayers } from '../../panels/LayeredNetwork';
import { ModelPanel } from '../../panels/ModelPanel';
import type { GraphOverlay } from '../../views/overlay';
import type { ArchitectureUi } from '../types';
import { ConvergencePanel } from './ConvergencePanel';
import { WormholeInfo } from './Info';
import { wormholeOutput } from './output';
import { WormholePanel } from './WormholePanel';
import { createWormholeArcs } from './wormholeArcs';

const layers: HiddenLayers = {
  widths: (spec) => spec.wormhole.hidden,
  setWidth: (d, l, w) => void (d.wormhole.hidden[l] = w),
  addLayer: (d) => void d.wormhole.hidden.push(2),
  // Removing the last hidden layer drops the wormholes that touched the old output layer's index.
  removeLayer: (d) => {
    d.wormhole.hidden.pop();
    d.wormhole.wormholes = d.wormhole.wormholes.filter((w) => w.from <= d.wormhole.hidden.length + 1);
  },
};

/** The wormholes as arcs over the layers, lit by their gates; drag to add or remove one. */
const arcsOverlay = (): GraphOverlay => ({
  draw: ({ layer, nodeLayer, graph, layout }) =>
    createWormholeArcs(
      layer,
      nodeLayer,
      graph,
      layout.arch.kind === 'wormhole' ? layout.arch.wormholes : [],
      editWormholes,
      (reason) => useAppStore.getState().addAlert(`Wormhole not added: ${reason}`),
    ),
});

export const wormholeUi: ArchitectureUi = {
  label: 'Fixed-Point Wormhole',
  Info: WormholeInfo,
  Settings: () => (
    <>
      <DataPanel />
      <ModelPanel />
      <WormholePanel />
    </>
  ),
  Network: () => <LayeredNetwork kind="wormhole" layers={layers} overlay={arcsOverlay} />,
  output: wormholeOutput,
  Aside: ConvergencePanel,
};
