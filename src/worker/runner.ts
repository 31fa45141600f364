/**
 * The engine side of the worker protocol: owns the session, runs it by steps, and sends latest-wins frames.
 * Every message is handled in order on one promise chain, so a step never overlaps a load.
 */
import { createSession, sessionOf, type Session, type SessionOf, type SessionOptions } from '../engine';
import {
  SPEEDS,
  validateSpec,
  checkTrained,
  MAX_WEIGHT_MAGNITUDE,
  type Architecture,
  type BackendChoice,
  type ExperimentSpec,
  type TrainingState,
} from '../experiment';
import {
  frameBuffers,
  pausesTraining,
  type EngineEvent,
  type Frame,
  type FromEngine,
  type ToEngine,
} from '../protocol';
import type { StartedBackend } from './backend';
import { BackendSelection, type MakeSession, type StartBackend } from './autoBackend';
import { ComparisonDriver } from './arch/dian/comparisonDriver';
import { FramePipeline } from './framePipeline';
import { layoutOf } from './layout';
import { MapPacer } from './mapPacer';
import { createRewireCoalescer, createSolveCoalescer } from './rewires';
import { createTicker } from './ticker';

export type Post = (message: FromEngine, transfer?: Transferable[]) => void;
export type { MakeSession, StartBackend };

const HEATMAP_RES = 100;
const NEURON_RES = 24;
const TICK_BUDGET_MS = 14;
const MAX_STEPS_PER_TICK = 4096;

export class EngineRunner {
  private queue: Promise<void> = Promise.resolve();
  private session?: Session;
  private backends: BackendSelection;
  private playing = false;
  private speed = 3;
  private ticker = createTicker(() => this.enqueue(() => this.tick()));
  private stepsPerTick = 1;
  private maps = new MapPacer();
  /** Weights of the last frame whose numbers were all finite (every load sets it). */
  private lastGood?: { weights: Float32Array; step: number };
  private uiReady = true;
  private pendingFrame?: Frame;
  private rate = { since: 0, steps: 0, value: 0 };
  private comparison: ComparisonDriver;
  private rewires = createRewireCoalescer();
  private solves = createSolveCoalescer();
  private spec?: ExperimentSpec;
  private frames = new FramePipeline<Frame>();

  constructor(
    private post: Post,
    startBackend: StartBackend,
    private now: () => number = () => performance.now(),
    /** How sessions are built (tests); by default createSession with `sessionOptions`. */
    makeSession?: MakeSession,
    /** How the sessions are built (the page's debugging switch: src/protocol/engineSwitch.ts). */
    sessionOptions: SessionOptions = {},
    /** Double-buffer the frames while playing (framePipeline.ts): by default for sessions on the WGSL kernels. */
    private pipelineFrames?: boolean,
  ) {
    this.backends = new BackendSelection(
      startBackend,
      (b, choice) => this.announce(b, choice),
      makeSession ?? ((spec) => createSession(spec, sessionOptions)),
      now,
    );
    this.comparison = new ComparisonDriver(post, (work) => this.enqueue(work));
  }

  handle(message: ToEngine): void {
    this.enqueue(() => this.process(message));
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((e: unknown) => {
      // Whatever failed, play stops (a tick that threw schedules no next one): the UI shows Play again.
      this.stop();
      this.frames.drop();
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    });
  }

  private async process(message: ToEngine): Promise<void> {
    // Every message but these meets the engine with no frame in flight: that frame goes out first.
    if (message.type !== 'frameAck' && message.type !== 'setSpeed') await this.settle();
    switch (message.type) {
      case 'load':
        return this.load(message);
      case 'play':
        this.comparison.end(true);
        this.playing = true;
        this.stepsPerTick = 1;
        this.rate = { since: this.now(), steps: 0, value: 0 };
        this.schedule(0);
        return this.sendFrame(await this.snapshot(true));
      case 'pause':
        this.stop();
        return this.sendFrame(await this.snapshot(true));
      case 'step':
        this.stop();
        return this.advance(Math.max(1, Math.floor(message.steps)), true);
      case 'setSpeed':
        this.speed = Math.min(SPEEDS.length - 1, Math.max(0, Math.floor(message.speed)));
        return;
      case 'compare':
        this.stop();
        return this.spec && this.comparison.start(this.spec, message.steps);
      case 'cancelCompare':
        return this.comparison.end(true);
      case 'edit':
        return this.edit(message.edit);
      case 'reward':
        return this.reward(message.reward);
      case 'exportWeights': {
        const session = this.current();
        const [weights, state] = [await session.exportWeights(), await session.exportTrainingState()];
        return this.post({ type: 'weights', weights, step: session.step, ...(state ? { state } : {}) });
      }
      case 'selectSample':
        this.only('wormhole').select(message.point);
        return this.sendFrame(await this.snapshot(true));
      case 'frameAck':
        this.uiReady = true;
        if (this.pendingFrame) this.sendFrame(this.pendingFrame);
        return;
    }
  }

  private async load(message: Extract<ToEngine, { type: 'load' }>): Promise<void> {
    this.stop();
    this.comparison.end(true);
    // Steps of the last model say nothing about this one's speed: start the adaptive tick small again.
    this.stepsPerTick = 1;
    const { spec, problems } = validateSpec(message.spec);
    if (problems.length > 0) throw new Error(`Invalid experiment: ${problems.join('; ')}.`);
    // A frame held for the UI's ack belongs to the experiment before: sent after 'loaded', it showed its step.
    this.pendingFrame = undefined;
    if (this.backends.changes(spec.backend) || !this.session) {
      this.session?.dispose();
      this.session = undefined;
      await this.backends.start(spec.backend);
    }
    // A structural edit (a wormhole added or removed) keeps every weight that still fits, and the step.
    const carried = message.carryWeights && this.session ? await this.session.exportWeights() : undefined;
    const carriedStep = this.session?.step ?? 0;
    // The running experiment stays until its replacement exists (a failed load leaves it working).
    const session = await this.backends.sessionFor(spec);
    this.session?.dispose();
    this.session = session;
    this.spec = spec;
    this.maps.reset();
    if (message.weights) {
      try {
        // Finite in JSON is not finite in float32 (1e39): such weights are refused, never the last good ones.
        if (!checkTrained({ step: message.step ?? 0, weights: message.weights }))
          throw new Error(
            `a weight is not a number within ±${MAX_WEIGHT_MAGNITUDE} or the step is out of range`,
          );
        session.importWeights(message.weights, message.step);
        if (message.state) await this.goOnFrom(session, message.state);
      } catch (e) {
        // Weights that do not fit this network: say so, and keep the fresh network.
        this.post({
          type: 'error',
          message: `The saved weights do not fit this network: ${(e as Error).message}.`,
        });
      }
    } else if (carried) {
      const fresh = await session.exportWeights();
      for (const [name, w] of Object.entries(carried)) {
        if (fresh[name]?.shape.join() === w.shape.join()) fresh[name] = w;
      }
      session.importWeights(fresh, carriedStep);
    }
    this.speed = spec.speed;
    const layout = layoutOf(session);
    // Rewirings still waiting belong to the experiment before: they reach the log before the new one.
    this.flushHeld();
    this.post({ type: 'loaded', layout, step: session.step }, [layout.train.buffer, layout.test.buffer]);
    this.accept(await this.snapshot(true));
  }

  /** The optimizer's state and batch order that came with the weights; one that does not fit is said and skipped. */
  private async goOnFrom(session: Session, state: TrainingState): Promise<void> {
    try {
      await session.importTrainingState(state);
    } catch (e) {
      this.post({
        type: 'error',
        message:
          `The saved optimizer state and batch order do not fit this network (${(e as Error).message}): ` +
          'training goes on from the weights with a fresh optimizer.',
      });
    }
  }

  /** Reports the backend running (and with "auto" the rates it measured), and the backends that failed. */
  private announce(started: StartedBackend, choice: BackendChoice): void {
    const { backend, adapter, adapterDescription, rates } = started;
    this.post({ type: 'ready', backend, choice, adapter, adapterDescription, ...(rates ? { rates } : {}) });
    const events: EngineEvent[] = started.failures.map((f) => ({
      kind: 'backend-fallback',
      wanted: f.backend,
      reason: f.reason,
    }));
    if (events.length > 0) this.post({ type: 'events', events });
  }

  /** The loaded session; a clear error (not a crash) when a load failed and none is there. */
  private current(): Session {
    if (!this.session) throw new Error('No experiment is loaded: press Reset or pick another setting.');
    return this.session;
  }

  /** The loaded session, when it is of the architecture a message is for. */
  private only<K extends Architecture>(kind: K): SessionOf<K> {
    return sessionOf(this.current(), kind);
  }

  private async edit(edit: Extract<ToEngine, { type: 'edit' }>['edit']): Promise<void> {
    this.only('live').edit(edit);
    const layout = layoutOf(this.current());
    this.flushHeld();
    this.post({ type: 'relayout', layout }, [layout.train.buffer, layout.test.buffer]);
    this.accept(await this.snapshot(true));
  }

  private async reward(reward: number): Promise<void> {
    const live = this.only('live');
    if (live.step === 0) throw new Error('Take a step first: there is no output to reward yet.');
    await live.reinforce([reward]);
    this.flushHeld();
    this.post({ type: 'events', events: [{ kind: 'reward', reward, step: live.step }] });
    this.postEvents(live.takeEvents());
    this.accept(await this.snapshot(true));
  }

  /**
   * What the session reports between frames; an event that pauses training stops play. Rewirings and solves that
   * did not pause training wait for the frame (coalesced: rewires.ts).
   */
  private postEvents(events: EngineEvent[]): void {
    const now: EngineEvent[] = [];
    for (const event of events) {
      if (event.kind === 'rewire') this.rewires.add(event);
      else if (event.kind === 'solve' && !event.paused) this.solves.add(event);
      else now.push(event);
    }
    if (now.length === 0) return;
    if (now.some(pausesTraining)) this.stop();
    // In order: the events waiting for a frame happened before these.
    this.post({ type: 'events', events: [...this.held(), ...now] });
  }

  private stop(): void {
    this.playing = false;
    this.ticker.cancel();
  }

  private schedule(delay: number): void {
    this.ticker.schedule(delay);
  }

  /** One tick of play: as many steps as the speed allows within the tick's time budget, then one frame. */
  private async tick(): Promise<void> {
    if (!this.playing || !this.session) return;
    const { stepsPerSecond } = SPEEDS[this.speed];
    const started = this.now();
    if (Number.isFinite(stepsPerSecond)) {
      const interval = Math.max(16, 1000 / stepsPerSecond);
      await this.advance(Math.max(1, Math.round((stepsPerSecond * interval) / 1000)), false);
      if (this.playing) this.schedule(Math.max(0, interval - (this.now() - started)));
      return;
    }
    await this.advance(this.stepsPerTick, false);
    const elapsed = this.now() - started;
    if (elapsed < TICK_BUDGET_MS * 0.7)
      this.stepsPerTick = Math.min(MAX_STEPS_PER_TICK, this.stepsPerTick * 2);
    else if (elapsed > TICK_BUDGET_MS * 1.5)
      this.stepsPerTick = Math.max(1, Math.floor(this.stepsPerTick / 2));
    if (this.playing) this.schedule(0);
  }

  private async advance(steps: number, forceHeatmap: boolean): Promise<void> {
    if (!this.session) return;
    await this.session.train(steps);
    this.postEvents(this.session.takeEvents());
    this.rate.steps += steps;
    const frame = this.snapshot(forceHeatmap);
    if (this.playing && this.defersFrames()) {
      const previous = await this.frames.swap(frame);
      return previous && this.check(previous);
    }
    return this.check(await frame);
  }

  /** Play's frames are double-buffered for sessions that train without reading back (the WGSL kernels). */
  private defersFrames(): boolean {
    const session = this.session;
    return this.pipelineFrames ?? (!!session && 'trainingPath' in session && session.trainingPath === 'wgsl');
  }

  /** Sends the frame still in flight, if any. */
  private async settle(): Promise<void> {
    const frame = await this.frames.take();
    if (frame) await this.check(frame);
  }

  /** Sends a frame of finished steps, unless its numbers show that training diverged. */
  private async check(snapshot: Frame): Promise<void> {
    const m = snapshot.metrics;
    const lossBroken = this.current().alwaysHasLoss && ![m.trainLoss, m.testLoss].every(Number.isFinite);
    if (lossBroken || !snapshot.weights.every(Number.isFinite)) return this.diverged(snapshot.step);
    this.accept(snapshot);
  }

  /** A frame with finite numbers: remember its weights (to come back to on divergence) and send it. */
  private accept(frame: Frame): void {
    if (frame.weights.every(Number.isFinite))
      this.lastGood = { weights: frame.weights.slice(), step: frame.step };
    this.sendFrame(frame);
  }

  /** Loss or weights became NaN/Infinity: pause and put back the last finite weights. */
  private async diverged(step: number): Promise<void> {
    this.stop();
    // A frame in flight came after the broken one.
    this.frames.drop();
    const restored = this.lastGood!;
    this.current().restore(restored.weights, restored.step);
    // The events held for the frame happened before the divergence.
    this.post({
      type: 'events',
      events: [...this.held(), { kind: 'diverged', step, restoredStep: restored.step }],
    });
    this.sendFrame(await this.snapshot(true));
  }

  /** A frame; while playing it carries maps only as often as the pacer says (forced: always). */
  private async snapshot(forceHeatmap: boolean): Promise<Frame> {
    const session = this.current();
    const now = this.now();
    const withMaps = forceHeatmap || !this.playing || this.maps.due(now);
    const s = await session.snapshot(withMaps ? { heatmapRes: HEATMAP_RES, neuronRes: NEURON_RES } : {});
    this.maps.record(withMaps, now, this.now() - now);
    if (this.playing && now - this.rate.since >= 1000) {
      this.rate = { since: now, steps: 0, value: (this.rate.steps * 1000) / (now - this.rate.since) };
    }
    return { ...s, playing: this.playing, stepsPerSecond: this.playing ? this.rate.value : 0 };
  }

  /** Sends the events waiting for a frame (the latest few of each kind, and a count of the rest). */
  private flushHeld(): void {
    const held = this.held();
    if (held.length > 0) this.post({ type: 'events', events: held });
  }

  /** The rewirings and solves waiting for a frame (one architecture has only one of the two). */
  private held(): EngineEvent[] {
    return [...this.rewires.flush(), ...this.solves.flush()];
  }

  /** Latest wins: while the UI has not drawn the last frame, a newer one replaces the one waiting. */
  private sendFrame(frame: Frame): void {
    if (!this.uiReady) {
      this.pendingFrame = frame;
      return;
    }
    this.uiReady = false;
    this.pendingFrame = undefined;
    this.flushHeld();
    this.post({ type: 'frame', frame }, frameBuffers(frame));
  }
}
