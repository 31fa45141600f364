import { Alerts } from './kit/Alerts';
import { EventLog } from './EventLog';
import { useAppStore } from './appState';
import { ComparisonPanel } from './arch/dian/ComparisonPanel';
import { DataPanel } from './panels/DataPanel';
import { DianPanel } from './arch/dian/DianPanel';
import { ConvergencePanel } from './arch/wormhole/ConvergencePanel';
import { InfoPanel } from './panels/InfoPanel';
import { WormholePanel } from './arch/wormhole/WormholePanel';
import { LivePanel } from './arch/live/LivePanel';
import { ModelPanel } from './panels/ModelPanel';
import { NetworkPanel } from './panels/NetworkPanel';
import { OutputPanel } from './panels/OutputPanel';
import { SharePanel } from './SharePanel';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';

export function App() {
  useKeyboard();
  const architecture = useAppStore((s) => s.spec.architecture);
  const liveTask = useAppStore((s) => s.spec.live.task);
  return (
    <div className="app">
      <header>
        <h1>Dynamic Nets Playground</h1>
        <p className="tagline">
          Watch networks learn — training runs in a Web Worker, on WebGPU where the GPU is real.
        </p>
      </header>
      <Toolbar />
      <SharePanel />
      <Alerts />
      <main className="workspace">
        <div className="column left">
          {architecture === 'live' ? (
            <>
              <LivePanel />
              {liveTask === '2d' && <DataPanel />}
            </>
          ) : (
            <>
              <DataPanel />
              <ModelPanel />
            </>
          )}
          {architecture === 'dian' && <DianPanel />}
          {architecture === 'wormhole' && <WormholePanel />}
        </div>
        <div className="column middle">
          <NetworkPanel />
          <InfoPanel />
        </div>
        <div className="column right">
          <OutputPanel />
          {architecture === 'wormhole' && <ConvergencePanel />}
        </div>
      </main>
      {architecture === 'dian' && <ComparisonPanel />}
      <EventLog />
    </div>
  );
}
