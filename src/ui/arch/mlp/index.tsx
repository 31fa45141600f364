/** The MLP baseline in the UI: the common panels, its activation, and hidden layers to add and remove. */
import { ACTIVATIONS } from '../../../experiment';
import { useAppStore } from '../../appState';
import { Select } from '../../kit/controls';
import { DataPanel } from '../../panels/DataPanel';
import { LayeredNetwork, type HiddenLayers } from '../../panels/LayeredNetwork';
import { ModelPanel } from '../../panels/ModelPanel';
import { LAYERED_METRICS, planeTask } from '../../views/layeredOutput';
import type { ArchitectureUi } from '../types';
import { MlpInfo } from './Info';

const layers: HiddenLayers = {
  widths: (spec) => spec.mlp.hiddenLayers,
  setWidth: (d, l, w) => void (d.mlp.hiddenLayers[l] = w),
  addLayer: (d) => void d.mlp.hiddenLayers.push(2),
  removeLayer: (d) => void d.mlp.hiddenLayers.pop(),
};

function Activation() {
  const activation = useAppStore((s) => s.spec.mlp.activation);
  const updateSpec = useAppStore((s) => s.updateSpec);
  return (
    <Select
      label="Activation"
      value={activation}
      options={ACTIVATIONS}
      onChange={(v) => updateSpec((d) => void (d.mlp.activation = v))}
    />
  );
}

export const mlpUi: ArchitectureUi = {
  label: 'MLP (baseline)',
  Info: MlpInfo,
  Settings: () => (
    <>
      <DataPanel />
      <ModelPanel>
        <Activation />
      </ModelPanel>
    </>
  ),
  Network: () => <LayeredNetwork kind="mlp" layers={layers} />,
  output: { metrics: LAYERED_METRICS, showPlane: planeTask },
};
