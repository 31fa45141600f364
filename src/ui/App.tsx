import { Alerts } from './Alerts';
import { EventLog } from './EventLog';
import { DataPanel } from './panels/DataPanel';
import { ModelPanel } from './panels/ModelPanel';
import { NetworkPanel } from './panels/NetworkPanel';
import { OutputPanel } from './panels/OutputPanel';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';

export function App() {
  useKeyboard();
  return (
    <div className="app">
      <header>
        <h1>Dynamic Nets Playground</h1>
        <p className="tagline">
          Watch networks learn — training runs in a Web Worker, on WebGPU where the GPU is real.
        </p>
      </header>
      <Toolbar />
      <Alerts />
      <main className="workspace">
        <div className="column left">
          <DataPanel />
          <ModelPanel />
        </div>
        <NetworkPanel />
        <OutputPanel />
      </main>
      <EventLog />
    </div>
  );
}
