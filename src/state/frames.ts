/**
 * The per-frame channel: the engine's latest frame and the loss history, delivered to D3 views once per
 * animation frame. Nothing here triggers a React render.
 */
import type { Frame, Metrics } from '../protocol';

/** The metrics of a step (its single numbers), and the architecture's own numbers of that frame. */
export interface HistoryPoint extends Omit<Metrics, 'confusion'> {
  step: number;
  [archMetric: string]: number;
}

/** The single numbers an architecture's frame payload carries (its maps and traces are not history). */
const archNumbers = (arch: Frame['arch']) =>
  Object.fromEntries(
    Object.entries(arch).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );

/** Live rewiring events, for the graph's animations (the event log gets them through the store). */
export interface RewireNotice {
  change: 'connect' | 'disconnect';
  source: string;
  neuron: string;
  reward: number;
  /** The step it happened at. */
  step?: number;
}

/** `edits`: the steps where the network was edited and its history went on (marked on the loss curve). */
type FrameListener = (frame: Frame, history: readonly HistoryPoint[], edits: readonly number[]) => void;
type RewireListener = (notice: RewireNotice) => void;
type StepListener = (step: number) => void;

export type FrameChannel = ReturnType<typeof createFrameChannel>;

const MAX_HISTORY = 2000;

export function createFrameChannel() {
  const listeners = new Set<FrameListener>();
  const rewireListeners = new Set<RewireListener>();
  const stepListeners = new Set<StepListener>();
  let latest: Frame | undefined;
  let lastHeatmap: Pick<Frame, 'heatmap' | 'heatmapRes' | 'neuronMaps' | 'neuronRes'> | undefined;
  let history: HistoryPoint[] = [];
  let edits: number[] = [];
  /** Rewind: the kept step looked at; the history after it stays until a frame of another step (training on). */
  let lookingAt: number | undefined;

  return {
    subscribeFrames(listener: FrameListener): () => void {
      listeners.add(listener);
      if (latest) listener(latest, history, edits);
      return () => listeners.delete(listener);
    },

    /** Forget the history (a new experiment was loaded). */
    resetFrames(): void {
      latest = undefined;
      lastHeatmap = undefined;
      history = [];
      lookingAt = undefined;
      edits = [];
    },

    /**
     * The network was rebuilt with the weights and the step it had (a wormhole edit, a data task's new plane): its
     * frames start afresh, its history goes on, and an edit is marked at `step`.
     */
    continueHistory(step: number, markEdit: boolean): void {
      latest = undefined;
      lastHeatmap = undefined;
      if (markEdit && history.length > 0 && edits.at(-1) !== step) edits.push(step);
    },

    /** Records a frame and hands it to every view. Frames without a new heatmap keep showing the last one. */
    publishFrame(frame: Frame): void {
      if (frame.heatmapRes > 0) {
        const { heatmap, heatmapRes, neuronMaps, neuronRes } = frame;
        lastHeatmap = { heatmap, heatmapRes, neuronMaps, neuronRes };
      } else if (lastHeatmap) frame = { ...frame, ...lastHeatmap };
      latest = frame;
      if (frame.rewound) lookingAt = frame.step;
      else if (lookingAt !== undefined && frame.step !== lookingAt) {
        // Training went on from the step looked at: the run after it is gone.
        const from = lookingAt;
        history = history.filter((p) => p.step <= from);
        edits = edits.filter((s) => s <= from);
        lookingAt = undefined;
      }
      // A step back (weights restored after a divergence) cuts the history after it.
      if (lookingAt === undefined && frame.step < (history.at(-1)?.step ?? 0)) {
        history = history.filter((p) => p.step <= frame.step);
        edits = edits.filter((s) => s <= frame.step);
      }
      if (lookingAt === undefined && frame.step !== history.at(-1)?.step) {
        // The confusion matrix is the latest frame's, not history.
        const { trainLoss, testLoss, trainAccuracy, testAccuracy } = frame.metrics;
        const metrics = { trainLoss, testLoss, trainAccuracy, testAccuracy };
        history.push({ step: frame.step, ...metrics, ...archNumbers(frame.arch) });
      }
      if (history.length > MAX_HISTORY)
        history = history.filter((_, i) => i % 2 === 0 || i === history.length - 1);
      for (const listener of listeners) {
        // One view failing must not stop the others (or the frame acknowledgement that follows).
        try {
          listener(frame, history, edits);
        } catch (e) {
          console.error('a view failed to draw a frame', e);
        }
      }
    },

    /** The loss and accuracy history so far (for exported files). */
    latestHistory(): readonly HistoryPoint[] {
      return history;
    },

    latestFrame(): Frame | undefined {
      return latest;
    },

    /** The step training stopped at, known before its frame (Pause's first answer): for the step counter. */
    subscribeStopped(listener: StepListener): () => void {
      stepListeners.add(listener);
      return () => stepListeners.delete(listener);
    },

    publishStopped(step: number): void {
      for (const listener of stepListeners) listener(step);
    },

    subscribeRewires(listener: RewireListener): () => void {
      rewireListeners.add(listener);
      return () => rewireListeners.delete(listener);
    },

    publishRewire(notice: RewireNotice): void {
      for (const listener of rewireListeners) listener(notice);
    },
  };
}
