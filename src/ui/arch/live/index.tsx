/** Dynamic-Live in the UI: its options and reward tasks, the editable graph, and the recent steps. */
import { useAppStore } from '../../appState';
import { DataPanel } from '../../panels/DataPanel';
import type { ArchitectureUi } from '../types';
import { LiveInfo } from './Info';
import { LiveNetwork } from './LiveNetwork';
import { LivePanel } from './LivePanel';
import { liveOutput } from './output';

function Settings() {
  // The Data panel picks the points of the 2-D reward task.
  const planeTask = useAppStore((s) => s.spec.live.task === '2d');
  return (
    <>
      <LivePanel />
      {planeTask && <DataPanel />}
    </>
  );
}

export const liveUi: ArchitectureUi = {
  label: 'Dynamic-Live',
  Info: LiveInfo,
  Settings,
  Network: LiveNetwork,
  output: liveOutput,
};
