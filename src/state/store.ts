/**
 * The app's store: the experiment spec (plain data, what a link carries) and the runtime state the engine
 * reports. Per-frame data does not live here: it goes through frames.ts to the D3 views, never through React.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSpec, type AdapterKind, type BackendName, type ExperimentSpec } from '../experiment';
import type { BackendRate, Layout, TaskPreview } from '../protocol';
import type { ComparisonRecord } from './comparison';
import { EMPTY_HISTORY, type EditHistory } from './editHistory';

export interface Alert {
  id: number;
  message: string;
  /** A button offered beside the message, e.g. restarting a crashed engine. */
  action?: { label: string; run: () => void };
}

export interface LogEntry {
  id: number;
  step: number;
  text: string;
  /** The edge the entry is about (FROM->TO), highlighted in the graph while the entry is hovered. */
  edge?: string;
  /** What was loaded and where it runs: the newest of each kind stays in the log past its cap. */
  pinned?: 'load' | 'backend';
}

/** A neuron of the graph the pointer is on (the big plane shows its output: src/ui/views/neuronPlane.ts). */
export interface NeuronFocus {
  id: string;
  /** An input's feature (its map is computed in the page); absent for a neuron of a layer. */
  feature?: string;
  /** Offset of its map in a frame's neuronMaps (in maps), or -1 for an input. */
  mapIndex: number;
  /** An output neuron: its map is a logit (or a value), shown as 2 sigmoid - 1 as the binary plane is. */
  output: boolean;
}

export interface RuntimeState {
  engine: 'starting' | 'ready' | 'crashed';
  backend?: BackendName;
  adapter?: AdapterKind;
  adapterDescription?: string;
  /** "auto": how fast each backend trained this network when it was measured, fastest (the one running) first. */
  backendRates?: BackendRate[];
  playing: boolean;
  layout?: Layout;
  alerts: Alert[];
  log: LogEntry[];
  /** The latest comparison (an A/B or a DIAN preset), if one was started: state/comparison.ts. */
  comparison?: ComparisonRecord;
  /** Rewind: the steps the engine keeps weights and training state of (a Live session: all of its state). */
  checkpoints: number[];
  /** Rewind: why this session keeps no steps, where it cannot (the WGSL kernels). */
  rewindUnavailable?: string;
  /** Rewind: the kept step being looked at (training on from it drops the history after it). */
  lookingAt?: number;
  /** The 2-D tasks' pictures for the task picker, once the engine has sent them. */
  taskPreviews?: TaskPreview[];
}

export interface AppState {
  spec: ExperimentSpec;
  runtime: RuntimeState;
  /** Applies a change to the spec; the engine client decides whether it needs a reload. */
  updateSpec: (change: (draft: ExperimentSpec) => void) => void;
  /** Replaces the spec with one already built (a Live edit the engine applies itself). */
  replaceSpec: (spec: ExperimentSpec) => void;
  setRuntime: (patch: Partial<RuntimeState>) => void;
  addAlert: (message: string, action?: Alert['action']) => void;
  dismissAlert: (id: number) => void;
  addLog: (step: number, text: string, edge?: string) => void;
  /** Several entries in one update (oldest first), as one message of events brings them. */
  addLogs: (entries: Omit<LogEntry, 'id'>[]) => void;
  /** The edge to highlight in the graph (hovering an event log entry), if any. */
  highlightEdge?: string;
  setHighlightEdge: (edge?: string) => void;
  /** The neuron hovered in the graph: the big plane shows its output instead of the network's. */
  hoveredNeuron?: NeuronFocus;
  setHoveredNeuron: (focus?: NeuronFocus) => void;
  /** Graph edits to undo and redo (src/state/editHistory.ts). */
  edits: EditHistory;
  setEdits: (edits: EditHistory) => void;
  /** Live: the neuron the user selected in the graph (to delete it). */
  selectedNeuron?: string;
  setSelectedNeuron: (id?: string) => void;
}

export type AppStore = StoreApi<AppState>;

const MAX_LOG = 200;
/** At most this many alerts are shown: a new one pushes the oldest out (300 bad links give 5 alerts, not 300). */
export const MAX_ALERTS = 5;
/** An alert longer than this is cut (its problems are listed shortened already: state/problems.ts). */
export const MAX_ALERT_LENGTH = 600;

/** A fresh store: the default MLP spec, the engine starting. React binds to it with zustand's useStore. */
/**
 * The newest MAX_LOG entries, and the newest load and backend lines after them when older: at full speed a
 * Dynamic-Live run logs hundreds of rewirings a second, which pushed out what was loaded and where it runs.
 */
function capped(log: LogEntry[]): LogEntry[] {
  const kept = log.slice(0, MAX_LOG);
  const older = (['load', 'backend'] as const)
    .map((kind) => log.find((e) => e.pinned === kind))
    .filter((e): e is LogEntry => e !== undefined && !kept.includes(e));
  return [...kept, ...older.sort((a, b) => b.id - a.id)];
}

export function createAppStore(): AppStore {
  let nextId = 1;
  return createStore<AppState>()((set, get) => ({
    spec: defaultSpec('mlp'),
    runtime: { engine: 'starting', playing: false, alerts: [], log: [], checkpoints: [] },
    updateSpec: (change) =>
      set((s) => {
        const spec = structuredClone(s.spec);
        change(spec);
        return { spec };
      }),
    replaceSpec: (spec) => set({ spec }),
    setRuntime: (patch) => set((s) => ({ runtime: { ...s.runtime, ...patch } })),
    addAlert: (text, action) =>
      set((s) => {
        const message = text.length > MAX_ALERT_LENGTH ? `${text.slice(0, MAX_ALERT_LENGTH)}…` : text;
        // The same message twice is shown once, as the newest.
        const others = s.runtime.alerts.filter((a) => a.message !== message);
        const alerts = [...others, { id: nextId++, message, action }].slice(-MAX_ALERTS);
        return { runtime: { ...s.runtime, alerts } };
      }),
    dismissAlert: (id) =>
      set((s) => ({ runtime: { ...s.runtime, alerts: s.runtime.alerts.filter((a) => a.id !== id) } })),
    addLog: (step, text, edge) => get().addLogs([{ step, text, edge }]),
    addLogs: (entries) =>
      set((s) => ({
        runtime: {
          ...s.runtime,
          // Newest first.
          log: capped([...entries.map((e) => ({ id: nextId++, ...e })).reverse(), ...s.runtime.log]),
        },
      })),
    setHighlightEdge: (edge) => set({ highlightEdge: edge }),
    setHoveredNeuron: (focus) => set({ hoveredNeuron: focus }),
    edits: EMPTY_HISTORY,
    setEdits: (edits) => set({ edits }),
    setSelectedNeuron: (id) => set({ selectedNeuron: id }),
  }));
}
