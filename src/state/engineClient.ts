/**
 * The UI's side of the worker protocol: starts the engine worker, turns its messages into store updates and
 * frames, and turns spec changes into loads. One instance per page.
 */
import {
  applyLiveEdit,
  ARCHITECTURE_SLICES,
  SPEEDS,
  type ExperimentSpec,
  type LiveEdit,
  type Trained,
} from '../experiment';
import type { EngineEvent, FromEngine, ToEngine } from '../protocol';
import { publishFrame, publishRewire, resetFrames } from './frames';
import { useAppStore } from './store';

let worker: Worker | undefined;
let pendingFrame: Extract<FromEngine, { type: 'frame' }>['frame'] | undefined;
let drawScheduled = false;
let currentStep = 0;
/** A spec the engine already has (a Live graph edit, or one loaded with weights): it needs no reload. */
let editedSpec: ExperimentSpec | undefined;
const weightRequests: { resolve: (trained: Trained) => void; reject: (error: Error) => void }[] = [];

/** Settles every pending weight request with an error (the engine failed or went away). */
function failWeightRequests(reason: string): void {
  for (const request of weightRequests.splice(0)) request.reject(new Error(reason));
}

/** A frame of the previous experiment must not be drawn on the new one; the engine still needs its ack. */
function dropPendingFrame(): void {
  if (pendingFrame === undefined) return;
  pendingFrame = undefined;
  send({ type: 'frameAck' });
}

function send(message: ToEngine): void {
  worker?.postMessage(message);
}

const store = () => useAppStore.getState();

function describe(event: EngineEvent): string {
  switch (event.kind) {
    case 'diverged':
      return (
        `Training diverged at step ${event.step}: the loss became NaN or infinite. Training is paused and the ` +
        `weights of step ${event.restoredStep} are back. Try a lower learning rate, then press Play.`
      );
    case 'backend-fallback':
      return `The ${event.wanted} backend could not start (${event.reason}); using the next one.`;
    case 'rewire':
      return `${event.change === 'connect' ? 'connected' : 'disconnected'} ${event.source} → ${event.neuron} (reward ${event.reward.toFixed(3)})`;
    case 'reward':
      return `you gave reward ${event.reward > 0 ? '+' : ''}${event.reward}`;
    case 'solve':
      return (
        `the fixed-point solve of training step ${event.step} ${event.stop === 'diverged' ? 'diverged' : 'hit maxIter'} ` +
        `after ${event.iterations} sweeps${event.paused ? ': training paused (raise maxIter or tol, or switch the solver)' : ''}`
      );
  }
}

function onMessage(message: FromEngine): void {
  const s = store();
  switch (message.type) {
    case 'ready':
      s.setRuntime({
        engine: 'ready',
        backend: message.backend,
        adapter: message.adapter,
        adapterDescription: message.adapterDescription,
      });
      s.addLog(currentStep, `engine running on ${message.backend} (WebGPU adapter: ${message.adapter})`);
      return;
    case 'relayout':
      dropPendingFrame();
      s.setRuntime({ layout: message.layout });
      return;
    case 'loaded': {
      dropPendingFrame();
      resetFrames();
      s.setRuntime({ layout: message.layout });
      const { inputs, layerWidths, arch } = message.layout;
      const shape = [inputs.length, ...layerWidths].join('-');
      const name = ARCHITECTURE_SLICES[arch.kind].name;
      s.addLog(
        message.step,
        `loaded a ${shape} ${name} on the ${s.spec.task.kind} task (seed ${s.spec.seed})`,
      );
      return;
    }
    case 'frame':
      // Latest wins: draw once per animation frame, then tell the engine it may send the next.
      pendingFrame = message.frame;
      if (!drawScheduled) {
        drawScheduled = true;
        requestAnimationFrame(draw);
      }
      return;
    case 'events':
      for (const event of message.events) {
        const edge = event.kind === 'rewire' ? `${event.source}->${event.neuron}` : undefined;
        s.addLog('step' in event ? event.step : currentStep, describe(event), edge);
        if (event.kind === 'rewire') publishRewire(event);
        if (event.kind === 'solve' && event.paused) {
          s.setRuntime({ playing: false });
          s.addAlert(describe(event));
        }
        // The engine paused itself: the Play button must say so.
        if (event.kind === 'diverged') {
          s.setRuntime({ playing: false });
          s.addAlert(describe(event));
        }
      }
      return;
    case 'weights':
      for (const request of weightRequests.splice(0))
        request.resolve({ weights: message.weights, step: message.step });
      return;
    case 'comparison':
      s.setRuntime({ comparison: message.progress });
      return;
    case 'error':
      // The engine stopped playing when it reported the error.
      s.setRuntime({ playing: false });
      s.addAlert(message.message);
      failWeightRequests(message.message);
      return;
  }
}

function draw(): void {
  drawScheduled = false;
  const frame = pendingFrame;
  pendingFrame = undefined;
  if (!frame) return;
  currentStep = frame.step;
  try {
    publishFrame(frame);
  } finally {
    // Without the ack the engine would hold every later frame: never skip it.
    send({ type: 'frameAck' });
  }
}

/** Starts (or restarts) the worker and loads the current spec (with trained weights, from a link). */
export function startEngine(trained?: Trained): void {
  worker?.terminate();
  failWeightRequests('the engine was restarted');
  pendingFrame = undefined;
  store().setRuntime({ engine: 'starting', playing: false });
  worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromEngine>) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    crashed(e.message || 'the engine worker failed to start');
  };
  worker.onmessageerror = () => crashed('a message from the engine could not be read');
  drawScheduled = false;
  send({ type: 'load', spec: store().spec, weights: trained?.weights, step: trained?.step });
}

function crashed(reason: string): void {
  worker?.terminate();
  worker = undefined;
  store().setRuntime({ engine: 'crashed', playing: false });
  failWeightRequests(`the engine stopped: ${reason}`);
  store().addAlert(`The engine stopped: ${reason}. Your settings are kept.`, {
    label: 'Restart engine',
    run: startEngine,
  });
}

function load(spec: ExperimentSpec, carryWeights = false): void {
  send({ type: 'load', spec, carryWeights });
}

export const engine = {
  play: () => {
    store().setRuntime({ playing: true });
    send({ type: 'play' });
  },
  pause: () => {
    store().setRuntime({ playing: false });
    send({ type: 'pause' });
  },
  step: (steps = 1) => {
    store().setRuntime({ playing: false });
    send({ type: 'step', steps });
  },
  compare: (steps: number) => {
    store().setRuntime({ playing: false });
    send({ type: 'compare', steps });
  },
  cancelCompare: () => send({ type: 'cancelCompare' }),
  /** Live: applies a graph edit to the spec (links carry it) and to the running network; refuses with a message. */
  edit: (edit: LiveEdit): boolean => {
    const result = applyLiveEdit(store().spec.live, edit);
    if (result.error) {
      store().addAlert(result.error);
      return false;
    }
    // Mark the spec as edited before the store announces it, so the change does not reload the engine.
    editedSpec = { ...store().spec, live: result.live! };
    store().replaceSpec(editedSpec);
    send({ type: 'edit', edit });
    return true;
  },
  reward: (reward: number) => send({ type: 'reward', reward }),
  /** Replaces the whole experiment (a pasted link, an imported file), with its trained weights if any. */
  replace: (spec: ExperimentSpec, trained?: Trained) => {
    editedSpec = spec;
    store().replaceSpec(spec);
    store().setRuntime({ playing: false });
    send({ type: 'load', spec, weights: trained?.weights, step: trained?.step });
  },
  /** The engine's current weights and step. */
  requestWeights: (): Promise<Trained> =>
    new Promise((resolve, reject) => {
      if (!worker) return reject(new Error('the engine is not running'));
      weightRequests.push({ resolve, reject });
      send({ type: 'exportWeights' });
    }),
  selectSample: (point: [number, number]) => send({ type: 'selectSample', point }),
  /** Starts the experiment over: same spec, fresh weights. */
  reset: () => {
    store().setRuntime({ playing: false });
    load(store().spec);
  },
};

/** Which spec changes need a new session; speed and view options do not. */
function needsReload(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) =>
    JSON.stringify({ ...s, speed: 0, view: null, live: { ...s.live, positions: null } });
  return strip(a) !== strip(b);
}

useAppStore.subscribe((state, previous) => {
  if (state.spec === previous.spec || !worker || state.spec === editedSpec) return;
  if (state.spec.speed !== previous.spec.speed) send({ type: 'setSpeed', speed: state.spec.speed });
  if (needsReload(state.spec, previous.spec)) {
    const wasPlaying = state.runtime.playing;
    // Adding or removing a wormhole keeps what the network learned; other changes start over.
    const onlyWormholes =
      JSON.stringify({ ...state.spec, wormhole: { ...state.spec.wormhole, wormholes: [] } }) ===
      JSON.stringify({ ...previous.spec, wormhole: { ...previous.spec.wormhole, wormholes: [] } });
    load(state.spec, onlyWormholes);
    if (wasPlaying) send({ type: 'play' });
  }
});

export const speedLabel = (speed: number) => SPEEDS[speed]?.label ?? '';
