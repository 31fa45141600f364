/**
 * The page's one store, engine client, frame channel and share links: the UI reads and drives the app only
 * through these. Creating them has no effect; main.tsx starts the engine and the address-bar sync.
 */
import { useStore } from 'zustand';
import { engineWorkerName, type FromEngine } from '../protocol';
import { createEngineClient, type Connect } from '../state/engineClient';
import { createFrameChannel } from '../state/frames';
import { browserClock } from '../state/heartbeat';
import { createShareLinks } from '../state/share';
import { createAppStore, type AppState } from '../state/store';

export type { HistoryPoint, RewireNotice } from '../state/frames';

/** The engine in a module Web Worker (the URL is written out here so that Vite bundles the worker). */
const connectWorker: Connect = (onMessage, onCrash) => {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    // A debugging switch of the address's query (never part of the share link): src/protocol/engineSwitch.ts.
    name: engineWorkerName(window.location.search),
  });
  worker.onmessage = (e: MessageEvent<FromEngine>) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onCrash(e.message || 'the engine worker failed to start');
  };
  worker.onmessageerror = () => onCrash('a message from the engine could not be read');
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
  };
};

/** A download of the file, through a temporary object URL. */
function saveFile(name: string, contents: Blob): void {
  const url = URL.createObjectURL(contents);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const store = createAppStore();
const frames = createFrameChannel();

export const engine = createEngineClient({
  store,
  frames,
  connect: connectWorker,
  requestFrame: (draw) => requestAnimationFrame(draw),
  heartbeatClock: browserClock,
});

export const shareLinks = createShareLinks({
  store,
  engine,
  frames,
  location: window.location,
  history: window.history,
  window,
  clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
  saveFile,
});

/** The store as a React hook that also has the store's own API (getState, subscribe), as zustand's create gives. */
export const useAppStore = Object.assign(
  <T>(selector: (state: AppState) => T) => useStore(store, selector),
  store,
);

export const { latestFrame, subscribeFrames, subscribeRewires, subscribeStopped } = frames;
export const { copyLink, exportFile, exportPyTorch, importFile } = shareLinks;
