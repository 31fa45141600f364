/** The DIAN in the UI: its options, the extra path's lane and gate valve, and its comparisons (baselines, claim). */
import { DataPanel } from '../../panels/DataPanel';
import { LayeredNetwork, type HiddenLayers } from '../../panels/LayeredNetwork';
import { ModelPanel } from '../../panels/ModelPanel';
import type { ArchitectureUi } from '../types';
import { DIAN_PRESETS } from './comparePresets';
import { DianPanel } from './DianPanel';
import { extraPathOverlay } from './extraPath';
import { DianInfo } from './Info';
import { dianOutput } from './output';

/** Two hidden layers, always: the extra path joins layer 2. */
const layers: HiddenLayers = {
  widths: (spec) => [spec.dian.layer1, spec.dian.layer2],
  setWidth: (d, l, w) => void (l === 0 ? (d.dian.layer1 = w) : (d.dian.layer2 = w)),
};

export const dianUi: ArchitectureUi = {
  label: 'Dynamic Input Activation',
  Info: DianInfo,
  Settings: () => (
    <>
      <DataPanel />
      <ModelPanel />
      <DianPanel />
    </>
  ),
  Network: () => <LayeredNetwork kind="dian" layers={layers} overlay={extraPathOverlay} />,
  output: dianOutput,
  comparePresets: DIAN_PRESETS,
};
