/**
 * The UI's side of the worker protocol: starts the engine, turns its messages into store updates and frames,
 * and turns spec changes into loads. The worker itself and the animation-frame clock are injected, so the
 * client runs (and is tested) without a browser.
 */
import { applyLiveEdit, type ExperimentSpec, type LiveEdit, type Trained } from '../experiment';
import { type FromEngine, type ToEngine, type WeightEdit } from '../protocol';
import { createComparisons } from './comparisonClient';
import { describeEdit } from './editText';
import { loadedLine, readyLine, restartOffer, silentText } from './eventText';
import { createWeightRequests } from './weightRequests';
import { createFrameGate } from './frameGate';
import type { FrameChannel } from './frames';
import { startHeartbeat, type Heartbeat, type HeartbeatClock } from './heartbeat';
import { InFlight, type HistoryPolicy } from './inFlight';
import { needsReload, onlyPlaneChanged, onlyWormholesChanged } from './specChanges';
import { createUserDataHolder, type UserData } from './userData';
import { createLastGood } from './lastGood';
import { receiveEvents } from './engineEvents';
import { createLogBatch, LOGS_NOTHING } from './logBatch';
import { createPauseShown } from './pauseShown';
import type { AppStore } from './store';

/** A running engine: where messages go, and how it is stopped. */
export interface EngineConnection {
  post: (message: ToEngine, transfer?: Transferable[]) => void;
  terminate: () => void;
}

/** Starts an engine (a Web Worker in the page); onCrash is called once with why it stopped. */
export type Connect = (
  onMessage: (message: FromEngine) => void,
  onCrash: (reason: string) => void,
) => EngineConnection;

export interface EngineClientDeps {
  store: AppStore;
  frames: Pick<
    FrameChannel,
    'publishFrame' | 'publishRewire' | 'publishStopped' | 'resetFrames' | 'continueHistory'
  >;
  connect: Connect;
  /** Calls back once before the next repaint (requestAnimationFrame in the page). */
  requestFrame: (draw: () => void) => void;
  /** The heartbeat's clock (heartbeat.ts); without one the client does not watch the engine. */
  heartbeatClock?: HeartbeatClock;
}

export type EngineClient = ReturnType<typeof createEngineClient>;

export function createEngineClient({
  store,
  frames,
  connect,
  requestFrame,
  heartbeatClock,
}: EngineClientDeps) {
  let connection: EngineConnection | undefined;
  let unsubscribe: (() => void) | undefined;
  /** A spec the engine already has (a Live graph edit, or one loaded with weights): it needs no reload. */
  let editedSpec: ExperimentSpec | undefined;
  /** The loads and Live edits not answered yet, and the spec the engine runs. */
  const inFlight = new InFlight();
  /** The user's own data (a CSV's text, name and hash), for every load of a CSV task; a CSV link waiting for it. */
  const userData = createUserDataHolder();
  const weightRequests = createWeightRequests();
  /** What a restarted engine goes on from; `restoring`: the next load is that restart (history kept). */
  const lastGood = createLastGood();
  let restoring = false;
  let heartbeat: Heartbeat | undefined;
  const state = () => store.getState();
  const send = (message: ToEngine) => void connection?.post(message);
  const gate = createFrameGate({ frames, requestFrame, send, lastGood });
  const logBatch = createLogBatch((lines) => state().addLogs(lines));
  const pauseShown = createPauseShown(
    () => state().runtime.playing && state().setRuntime({ playing: false }),
  );
  const comparisons = createComparisons(store, send, gate.step);

  /**
   * Sends a load, with the user's table for a CSV task. One the page cannot make (a CSV task whose data it does
   * not have) is refused here, as the engine refuses: the experiment that runs stays, and the alert says why.
   */
  function sendLoad(
    message: Extract<ToEngine, { type: 'load' }>,
    history: HistoryPolicy = message.carryWeights ? 'continue' : 'new',
    why = 'the experiment was loaded again',
  ): void {
    const { table, problem } = userData.tableFor(message.spec);
    if (problem !== undefined) {
      state().setRuntime({ playing: false });
      const back = inFlight.expected();
      state().addAlert(back ? `${problem} The experiment that was running is kept.` : problem);
      const { speed, view } = state().spec;
      if (back) userData.waitForData(message.spec);
      if (back) showRunning({ ...back, speed, view });
      return;
    }
    inFlight.load(message.spec, history);
    // The engine ends a running comparison on a load: the page says so.
    comparisons.cancel(why);
    send(table ? { ...message, userData: table } : message);
  }

  /** Shows `spec` again without loading it: the engine runs it. */
  function showRunning(spec: ExperimentSpec): void {
    editedSpec = spec;
    state().replaceSpec(spec);
  }

  /**
   * The engine could not make the oldest load in flight and goes on with the experiment it ran (paused): the
   * spec, and so the controls and the link, go back to that one (the speed and the view stay the page's).
   */
  function loadRefused(message: string, engineRuns: boolean): void {
    state().setRuntime({ playing: false });
    const back = inFlight.loadRefused(engineRuns);
    state().addAlert(back ? `${message} The experiment that was running is back, paused.` : message);
    const { speed, view } = state().spec;
    if (back) showRunning({ ...back, speed, view });
  }

  function onMessage(message: FromEngine): void {
    const s = state();
    // Lines the log holds back go in before anything else that may log (a load, a stop, an error).
    if (!LOGS_NOTHING.has(message.type)) logBatch.flush();
    switch (message.type) {
      case 'ready':
        s.setRuntime({
          engine: 'ready',
          backend: message.backend,
          adapter: message.adapter,
          adapterDescription: message.adapterDescription,
          backendRates: message.rates,
        });
        s.addLogs([{ step: gate.step(), text: readyLine(message), pinned: 'backend' }]);
        return;
      case 'taskPreviews':
        return s.setRuntime({ taskPreviews: message.previews });
      case 'weightRefused':
        return s.addAlert(message.message);
      case 'editRefused': {
        s.addAlert(message.message);
        s.addLog(gate.step(), `the engine refused that edit: ${message.message}`);
        const back = inFlight.editRefused();
        return back && showRunning(back);
      }
      case 'relayout':
        inFlight.edited(s.spec);
        gate.drop();
        lastGood.layout(message.layout.weights);
        s.setRuntime({ layout: message.layout });
        return;
      case 'loadRefused':
        return loadRefused(message.message, message.running);
      case 'loaded': {
        const history = inFlight.loaded(s.spec);
        gate.drop();
        lastGood.layout(message.layout.weights);
        // A restart goes on with the history it had, and so does an edit that kept the weights (marked on the
        // loss curve); any other load starts a new one.
        if (!restoring && history !== 'new') frames.continueHistory(message.step, history === 'edit');
        else if (!restoring) {
          frames.resetFrames();
          lastGood.forget();
        }
        restoring = false;
        s.setRuntime({ layout: message.layout, lookingAt: undefined, checkpoints: [] });
        s.addLogs([{ step: message.step, text: loadedLine(message.layout, s.spec), pinned: 'load' }]);
        return;
      }
      case 'checkpoints':
        s.setRuntime({ checkpoints: message.steps, rewindUnavailable: message.unavailable });
        return;
      case 'stopped':
        gate.stopped(message.step);
        return pauseShown.answered();
      case 'frame':
        gate.receive(message.frame);
        if (pauseShown.waiting && !message.frame.playing) pauseShown.answered();
        return;
      case 'events':
        return receiveEvents(message.events, { store, logBatch, frames, gate });
      case 'weights':
        return weightRequests.answer(message);
      case 'comparison':
        return comparisons.received(message.progress);
      case 'pong':
        heartbeat?.answered();
        return;
      case 'error':
        // The engine stopped playing when it reported the error.
        s.setRuntime({ playing: false });
        s.addAlert(message.message);
        weightRequests.fail(message.message);
        return;
    }
  }

  function crashed(reason: string): void {
    // A crash is said once: the heartbeat would call the same engine silent later.
    heartbeat?.stop();
    heartbeat = undefined;
    connection?.terminate();
    connection = undefined;
    state().setRuntime({ engine: 'crashed', playing: false });
    comparisons.cancel('the engine stopped');
    weightRequests.fail(`the engine stopped: ${reason}`);
    state().addAlert(
      `The engine stopped: ${reason}. ${restartOffer(lastGood.trained()?.step)}`,
      restartAction,
    );
  }

  /** No answer for a while: one long item (the work budget should prevent it), or a worker gone. */
  function silent(ms: number): void {
    state().setRuntime({ playing: false });
    state().addAlert(silentText(ms, lastGood.trained()?.step), restartAction);
  }

  const restartAction = { label: 'Restart engine', run: () => restart() };

  /** A new engine, loaded with the last good weights and step where there are some. */
  function restart(): void {
    const trained = lastGood.trained();
    start(trained);
    restoring = trained !== undefined;
  }

  /** Spec changes from the UI: a new session when the experiment changed, only the speed when that did. */
  function onSpecChange(spec: ExperimentSpec, previous: ExperimentSpec, playing: boolean): void {
    if (spec === previous || !connection || spec === editedSpec) return;
    if (spec.speed !== previous.speed) send({ type: 'setSpeed', speed: spec.speed });
    if (!needsReload(spec, previous)) return;
    userData.forgetWaiting();
    // Play goes with the load: a load the engine refuses leaves it paused, as the page then shows.
    const edit = onlyWormholesChanged(spec, previous);
    sendLoad(
      {
        type: 'load',
        spec,
        // The plane's axes changed: the grid is new, the network is the same.
        carryWeights: edit || onlyPlaneChanged(spec, previous),
        play: playing || undefined,
      },
      edit ? 'edit' : undefined,
      'you changed the experiment',
    );
  }

  /** Starts (or restarts) the engine and loads the current spec (with trained weights, from a link). */
  function start(trained?: Trained): void {
    connection?.terminate();
    weightRequests.fail('the engine was restarted');
    comparisons.cancel('the engine was restarted');
    gate.reset();
    state().setRuntime({ engine: 'starting', playing: false });
    unsubscribe ??= store.subscribe((s, previous) => onSpecChange(s.spec, previous.spec, s.runtime.playing));
    connection = connect(onMessage, crashed);
    inFlight.reset();
    restoring = false;
    heartbeat?.stop();
    heartbeat =
      heartbeatClock &&
      startHeartbeat({
        clock: heartbeatClock,
        ping: (seq) => send({ type: 'ping', seq }),
        onSilent: silent,
        // After the lines held for the log (it comes with a 'pong', which does not send them in).
        onAnswer: () => logBatch.add([{ step: gate.step(), text: 'the engine answers again' }], true),
      });
    sendLoad({
      type: 'load',
      spec: state().spec,
      weights: trained?.weights,
      step: trained?.step,
      state: trained?.state,
    });
  }

  /** Replaces the whole experiment (a pasted link, an imported file), with its trained weights if any. */
  function replace(spec: ExperimentSpec, trained?: Trained): void {
    userData.forgetWaiting();
    editedSpec = spec;
    state().replaceSpec(spec);
    state().setRuntime({ playing: false });
    sendLoad(
      { type: 'load', spec, weights: trained?.weights, step: trained?.step, state: trained?.state },
      undefined,
      'another experiment was loaded',
    );
  }

  /** Stops the engine and stops following the store. */
  function dispose(): void {
    logBatch.flush();
    pauseShown.cancel();
    heartbeat?.stop();
    heartbeat = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
    connection?.terminate();
    connection = undefined;
    gate.reset();
    weightRequests.fail('the engine was stopped');
  }

  return {
    start,
    restart,
    dispose,
    play: () => {
      pauseShown.cancel();
      gate.going();
      comparisons.cancel('you pressed Play');
      state().setRuntime({ playing: true, lookingAt: undefined });
      send({ type: 'play' });
    },
    pause: () => {
      // A frame from before the click, not drawn yet, would be drawn after it (its ack goes before the Pause).
      gate.pausing();
      send({ type: 'pause' });
      pauseShown.asked();
    },
    /** Rewind: looks back at a kept step (paused); Play or Step trains on from it. */
    rewind: (step: number) => {
      // Frames sent while still playing are stale; the look back is drawn as it comes (as Pause's frame is).
      gate.pausing();
      send({ type: 'rewind', step });
      state().setRuntime({ playing: false, lookingAt: step });
    },
    step: (steps = 1) => {
      gate.going();
      state().setRuntime({ playing: false, lookingAt: undefined });
      send({ type: 'step', steps });
    },
    /** Trains the request's models side by side in the engine (training pauses); state/comparison.ts keeps it. */
    compare: comparisons.start,
    cancelCompare: () => {
      comparisons.cancel('you cancelled it');
      send({ type: 'cancelCompare' });
    },
    /** Live: applies a graph edit to the spec (links carry it) and to the running network; refuses with a message. */
    edit: (edit: LiveEdit): boolean => {
      const result = applyLiveEdit(state().spec.live, edit);
      if (result.error) {
        state().addAlert(result.error);
        return false;
      }
      // Mark the spec as edited before the store announces it, so the change does not reload the engine.
      inFlight.edit(state().spec, edit);
      const line = describeEdit(state().spec.live, edit, result.live!);
      editedSpec = { ...state().spec, live: result.live! };
      state().replaceSpec(editedSpec);
      send({ type: 'edit', edit });
      if (line) logBatch.add([{ step: gate.step(), text: line.text, edge: line.edge }], true);
      return true;
    },
    reward: (reward: number) => send({ type: 'reward', reward }),
    /** Asks the engine for the 2-D tasks' pictures (the store's runtime.taskPreviews). */
    requestTaskPreviews: () => send({ type: 'taskPreviews' }),
    /** Sets one weight of the running network (the next frame shows it); not part of the spec or the link. */
    setWeight: (edit: WeightEdit) => send({ type: 'setWeight', edit }),
    /** Replaces the whole experiment (a pasted link, an imported file), with its trained weights if any. */
    replace,
    /**
     * Keeps the user's data (from a CSV the user loaded) for the loads of CSV tasks. When a CSV experiment on this
     * very data waits for it (a link that could not run without it), it is loaded now, whole (unless `load` is
     * false: the caller loads another experiment next).
     */
    useUserData: (data: UserData | undefined, { load = true } = {}) => {
      userData.set(data);
      if (!load || !data) return;
      const waiting = userData.waitingFor(data.hash);
      if (waiting) return replace(waiting);
      const { task } = state().spec;
      if (task.kind === 'csv' && task.dataHash === data.hash)
        sendLoad({ type: 'load', spec: state().spec, carryWeights: false });
    },
    /** The CSV experiment refused for want of the data of this hash, to be loaded once it comes; none if none. */
    waitingFor: userData.waitingFor,
    /** The user's data the page keeps, if any (the exported file carries it). */
    userData: (): UserData | undefined => userData.get(),
    /** The engine's current weights and step. */
    requestWeights: (): Promise<Trained> =>
      weightRequests.request(() => !!connection && (send({ type: 'exportWeights' }), true)),
    selectSample: (point: [number, number]) => send({ type: 'selectSample', point }),
    /** Starts the experiment over: same spec, fresh weights. */
    reset: () => {
      state().setRuntime({ playing: false });
      sendLoad({ type: 'load', spec: state().spec, carryWeights: false }, undefined, 'you pressed Reset');
    },
  };
}
