/**
 * What the page does with the engine's events (rewirings, solves that did not converge, a divergence): a line in
 * the log each (while playing, and after Pause until its frame, with the log's next batch: logBatch.ts), each
 * rewiring to the graph's animation, and an event that paused training on the Play button and in an alert.
 */
import { pausesTraining, type EngineEvent } from '../protocol';
import { describeEvent } from './eventText';
import type { FrameChannel } from './frames';
import type { createLogBatch } from './logBatch';
import type { AppStore } from './store';

export function receiveEvents(
  events: EngineEvent[],
  deps: {
    store: AppStore;
    logBatch: ReturnType<typeof createLogBatch>;
    frames: Pick<FrameChannel, 'publishRewire'>;
    /** The step drawn last (for events without one), and whether Pause's frame is awaited. */
    gate: { step: () => number; isPausing: () => boolean };
  },
): void {
  const { store, logBatch, frames, gate } = deps;
  const s = store.getState();
  logBatch.add(
    events.map((event) => ({
      step: 'step' in event ? event.step : gate.step(),
      text: describeEvent(event),
      edge: event.kind === 'rewire' ? `${event.source}->${event.neuron}` : undefined,
    })),
    (!s.runtime.playing && !gate.isPausing()) || events.some(pausesTraining),
  );
  for (const event of events) {
    if (event.kind === 'rewire') frames.publishRewire(event);
    // The engine paused itself: the Play button must say so.
    if (pausesTraining(event)) {
      s.setRuntime({ playing: false });
      s.addAlert(describeEvent(event));
    }
  }
}
