import { Alerts } from './kit/Alerts';
import { EventLog } from './EventLog';
import { ExampleNote, Examples } from './Examples';
import { useAppStore } from './appState';
import { ARCHITECTURE_UI } from './arch/registry';
import { ComparePanel } from './compare/ComparePanel';
import { DataViews } from './panels/DataViews';
import { InfoPanel } from './panels/InfoPanel';
import { OutputPanel } from './panels/OutputPanel';
import { SharePanel } from './SharePanel';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';

export function App() {
  useKeyboard();
  const { Settings, Network, Aside, Footer } = ARCHITECTURE_UI[useAppStore((s) => s.spec.architecture)];
  return (
    <div className="app">
      <header>
        <h1>Dynamic Nets Playground</h1>
        <p className="tagline">
          Watch networks learn — training runs in a Web Worker, on WebGPU where the GPU is real.
        </p>
      </header>
      <Toolbar />
      <div className="bar">
        <Examples />
        <SharePanel />
      </div>
      <ExampleNote />
      <Alerts />
      <main className="workspace">
        <div className="column left">
          <Settings />
        </div>
        <div className="column middle">
          <Network />
          <InfoPanel />
        </div>
        <div className="column right">
          <OutputPanel />
          <DataViews />
          {Aside && <Aside />}
        </div>
      </main>
      {Footer && <Footer />}
      <ComparePanel />
      <EventLog />
    </div>
  );
}
