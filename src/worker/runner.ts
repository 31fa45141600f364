/**
 * The engine side of the worker protocol: owns the session, runs it by steps, and sends latest-wins frames.
 * Every message is handled in order on one promise chain, so a step never overlaps a load. While playing, a tick
 * only trains; its frame is made when the page can draw it (at once, or on the page's ack), so a slow frame is
 * made once per drawn frame, not once per tick, and a message (Pause) waits at most one short tick.
 */
import { createSession, sessionOf, type Session, type SessionOf, type SessionOptions } from '../engine';
import { dianArms, SPEEDS, validateSpec, type Architecture, type ExperimentSpec } from '../experiment';
import { pausesTraining, type EngineEvent, type Frame, type ToEngine } from '../protocol';
import { announceBackend, BackendSelection, type MakeSession, type StartBackend } from './autoBackend';
import { ComparisonDriver } from './comparisonDriver';
import { defersFrames, FramePipeline } from './framePipeline';
import { layoutOf } from './layout';
import type { DataTable } from '../experiment/data';
import { LastGood } from './lastGood';
import { FrameMaker, type MapsAsked } from './frameMaker';
import { Outbox, type Post } from './outbox';
import { Rewind } from './rewind';
import { carryFrom, putWeights, sessionFrom, type Carried } from './savedWeights';
import { setWeight } from './weightEdit';
import { createTicker } from './ticker';
import { TICK_BUDGET_MS, TickPace } from './tickPace';

export type { MakeSession, Post, StartBackend };

export class EngineRunner {
  private queue: Promise<void> = Promise.resolve();
  private session?: Session;
  private backends: BackendSelection;
  private playing = false;
  private speed = 3;
  private ticker = createTicker(() => this.enqueue(() => this.tick()));
  private pace = new TickPace();
  private maker: FrameMaker;
  private lastGood = new LastGood();
  private out: Outbox;
  /** Steps were trained while playing since the last frame was made: the page's next ack asks for one. */
  private frameOwed = false;
  /**
   * Pause's frame (no maps, at once) is out: the page's ack of it asks for the maps of that step. Made on the ack,
   * not queued at once, so that an ack already on its way (of a frame sent before the Pause) comes first and
   * sends Pause's frame, instead of waiting behind the maps.
   */
  private pauseMapsOwed = false;
  /** Steps are being trained (the step is not final yet); Pause's 'stopped' went out as Pause came. */
  private training = false;
  private stoppedSent?: boolean;
  /** Step messages in the queue: a Pause behind one is answered once it has trained. */
  private stepsQueued = 0;
  private comparison: ComparisonDriver;
  private spec?: ExperimentSpec;
  /** The user's table of the last load (a CSV task's data, which the page sends with each load of one). */
  private userData?: DataTable;
  private frames = new FramePipeline<Frame>();

  constructor(
    post: Post,
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
      (b, choice) => announceBackend(this.post, b, choice),
      makeSession ?? ((spec) => createSession(spec, { ...sessionOptions, userData: this.userData })),
      now,
    );
    this.comparison = new ComparisonDriver(post, (work) => this.enqueue(work));
    this.maker = new FrameMaker(now);
    this.out = new Outbox(post);
  }

  private post: Post = (message, transfer) => this.out.post(message, transfer);
  private rewind = new Rewind(this.post);

  handle(message: ToEngine): void {
    if (message.type === 'step') this.stepsQueued++;
    // Pause stops play at once (no tick queued behind the work in flight runs); unless steps are training or a Step
    // waits, the step is final: the page hears it now, not after the work in flight (a frame's maps).
    if (message.type === 'pause')
      this.stoppedSent = (this.stop(), !this.training && !this.stepsQueued && this.tellStopped());
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
    if (message.type === 'step') this.stepsQueued--;
    if (message.type === 'pause' && !this.stoppedSent) this.tellStopped();
    // Every message but these meets the engine with no frame in flight: that frame goes out first.
    if (message.type !== 'frameAck' && message.type !== 'setSpeed') await this.settle();
    // Anything else that changes what the page shows sends a frame with maps of its own.
    if (!['frameAck', 'setSpeed', 'exportWeights', 'ping'].includes(message.type)) this.pauseMapsOwed = false;
    switch (message.type) {
      case 'load':
        return this.load(message);
      case 'play':
        this.play();
        return this.out.frame(await this.snapshot('maps'));
      case 'pause':
        return this.pause();
      case 'step':
        this.stop();
        return void (await this.advance(Math.max(1, Math.floor(message.steps)), true));
      case 'rewind': {
        this.stop();
        const back = await this.rewind.goTo(this.current(), message.step);
        return this.accept({ ...(await this.snapshot('maps')), ...(back ? { rewound: true } : {}) });
      }
      case 'setSpeed':
        this.speed = Math.min(SPEEDS.length - 1, Math.max(0, Math.floor(message.speed)));
        return;
      case 'compare':
        this.stop();
        return (
          this.spec &&
          this.comparison.start(message.arms ?? dianArms(this.spec, message.set), message.steps, {
            seeds: message.seeds,
            userData: this.userData,
            id: message.id,
          })
        );
      case 'cancelCompare':
        return this.comparison.end(true);
      case 'edit':
        return this.edit(message.edit);
      case 'reward':
        return this.reward(message.reward);
      case 'setWeight':
        if (!(await setWeight(this.current(), message.edit, this.post))) return;
        await this.rewind.edited(this.current());
        return this.accept(await this.snapshot('maps'));
      case 'exportWeights': {
        const session = this.current();
        const [weights, state] = [await session.exportWeights(), await session.exportTrainingState()];
        return this.post({ type: 'weights', weights, step: session.step, ...(state ? { state } : {}) });
      }
      case 'selectSample':
        this.only('wormhole').select(message.point);
        return this.out.frame(await this.snapshot('maps'));
      case 'frameAck':
        if (this.out.ack()) return;
        if (this.pauseMapsOwed && !this.playing) {
          // The page drew Pause's frame: now the maps of that step.
          this.pauseMapsOwed = false;
          return this.check(await this.snapshot('maps'));
        }
        if (!this.frameOwed || !this.playing) return;
        // The page can draw: the frame of the steps trained since the last one.
        this.frameOwed = false;
        return this.check(await this.snapshot('paced'));
    }
  }

  private play(): void {
    this.comparison.end(true);
    this.playing = true;
    this.pace.reset();
    this.maker.rate.start();
    this.ticker.schedule(0);
  }

  /** Every load is answered by 'loaded' or 'loadRefused' (the page keeps count of the loads in flight). */
  private async load(message: Extract<ToEngine, { type: 'load' }>): Promise<void> {
    // A load on another backend ends the running session before the new one exists: keep what it knows.
    const { session, spec } = this;
    const before =
      this.backends.changes(message.spec.backend) && session && spec
        ? { spec, ...(await carryFrom(session)) }
        : undefined;
    try {
      await this.loadSession(message);
    } catch (e) {
      // If even that fails, nothing runs, and the refusal says so.
      if (!this.session && before) await this.rebuild(before).catch(() => undefined);
      return this.refuseLoad(e instanceof Error ? e.message : String(e));
    }
    if (message.play) this.play();
  }

  /** Builds that experiment again (its backend, weights, step and training state), after a refused load. */
  private async rebuild(saved: Carried & { spec: ExperimentSpec }): Promise<void> {
    await this.backends.start(saved.spec.backend);
    this.session = await sessionFrom(saved, await this.backends.sessionFor(saved.spec));
    this.spec = saved.spec;
  }

  private async loadSession(message: Extract<ToEngine, { type: 'load' }>): Promise<void> {
    this.stop();
    this.comparison.end(true);
    this.pace.reset();
    const { spec, problems } = validateSpec(message.spec);
    if (problems.length > 0) throw new Error(`Invalid experiment: ${problems.join('; ')}.`);
    // A frame held for the UI's ack belongs to the experiment before: sent after 'loaded', it showed its step.
    this.out.dropHeldFrame();
    if (this.backends.changes(spec.backend) || !this.session) {
      this.session?.dispose();
      this.session = undefined;
      await this.backends.start(spec.backend);
    }
    const carried = message.carryWeights && this.session ? await carryFrom(this.session) : undefined;
    // The running experiment stays until its replacement exists (a failed load leaves it working).
    // Sessions of this load are built with its table; a refused load leaves the running one's.
    const runningData = this.userData;
    this.userData = message.userData;
    const session = await this.backends.sessionFor(spec).catch((e: unknown) => {
      this.userData = runningData;
      throw e;
    });
    this.session?.dispose();
    this.session = session;
    this.spec = spec;
    this.maker.reset();
    await putWeights(session, message, carried, this.post);
    this.speed = spec.speed;
    const layout = layoutOf(session);
    // Rewirings still waiting belong to the experiment before: they reach the log before the new one.
    this.out.events([]);
    this.post({ type: 'loaded', layout, step: session.step }, [layout.train.buffer, layout.test.buffer]);
    this.accept(await this.snapshot('maps'));
    await this.rewind.reset(session);
  }

  /** A load that could not be made: the experiment before it, if one still runs, goes on (paused). */
  private async refuseLoad(message: string): Promise<void> {
    this.stop();
    this.frames.drop();
    this.post({ type: 'loadRefused', message, running: !!this.session });
    // The page shows that experiment again, paused.
    if (this.session) this.out.frame(await this.snapshot('none'));
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
    try {
      this.only('live').edit(edit);
    } catch (e) {
      return this.post({ type: 'editRefused', message: e instanceof Error ? e.message : String(e) });
    }
    const layout = layoutOf(this.current());
    this.out.events([]);
    this.post({ type: 'relayout', layout }, [layout.train.buffer, layout.test.buffer]);
    this.accept(await this.snapshot('maps'));
    if (edit.kind !== 'move') await this.rewind.reset(this.current());
  }

  private async reward(reward: number): Promise<void> {
    const live = this.only('live');
    if (live.step === 0) throw new Error('Take a step first: there is no output to reward yet.');
    await live.reinforce(live.handRewards(reward));
    await this.rewind.edited(live);
    this.out.events([{ kind: 'reward', reward, step: live.step }]);
    this.postEvents(live.takeEvents());
    this.accept(await this.snapshot('maps'));
  }

  /**
   * What the session reports between frames; an event that pauses training stops play. Rewirings and solves that
   * did not pause training wait for the frame (coalesced: rewires.ts).
   */
  private postEvents(events: EngineEvent[]): void {
    const now = events.filter((event) => !this.out.hold(event));
    if (now.length === 0) return;
    if (now.some(pausesTraining)) this.stop();
    this.out.events(now);
  }

  /** Where training stopped (Pause's first answer); false when nothing runs. */
  private tellStopped(): boolean {
    if (this.session) this.post({ type: 'stopped', step: this.session.step });
    return !!this.session;
  }

  private stop(): void {
    this.playing = false;
    this.frameOwed = false;
    this.ticker.cancel();
  }

  /** Pause: a frame at the step training stopped (no maps: quick, drawn as it comes), then on its ack the maps. */
  private async pause(): Promise<void> {
    this.stop();
    this.stoppedSent = undefined;
    // Checked as every frame of training is: steps since the last frame may have diverged.
    const frame = await this.snapshot('none');
    if (LastGood.broken(frame, this.current().alwaysHasLoss)) return this.diverged(frame.step);
    this.accept(frame);
    this.pauseMapsOwed = true;
  }

  /** One tick of play: the steps the pace plans (tickPace.ts); its frame when the page can draw one. */
  private async tick(): Promise<void> {
    if (!this.playing || !this.session) return;
    const { steps, intervalMs } = this.pace.plan(this.speed, this.frameOwed);
    if (steps === 0) return this.ticker.schedule(intervalMs);
    const started = this.now();
    // At full speed a tick stops at its budget even when its steps cost more than the last ones (Pause waits
    // for it); at a set speed it takes the steps asked.
    const taken = await this.advance(steps, false, intervalMs === 0 ? TICK_BUDGET_MS : undefined);
    const elapsed = this.now() - started;
    this.pace.took(elapsed, Math.max(1, taken), intervalMs === 0);
    if (this.playing) this.ticker.schedule(Math.max(0, intervalMs - elapsed));
  }

  /** Trains up to `steps` (within `budgetMs`: session.ts), then its frame; how many steps were taken. */
  private async advance(steps: number, forceHeatmap: boolean, budgetMs?: number): Promise<number> {
    if (!this.session) return 0;
    const before = this.session.step;
    this.rewind.beforeTraining(this.session);
    this.training = true;
    await this.session.train(steps, { budgetMs }).finally(() => (this.training = false));
    await this.rewind.trained(this.session);
    this.postEvents(this.session.takeEvents());
    const taken = this.session.step - before;
    this.maker.rate.trained(taken);
    await this.frameAfter(forceHeatmap);
    return taken;
  }

  /** After steps: the frame of them, now or when the page can draw one. */
  private async frameAfter(forceHeatmap: boolean): Promise<void> {
    if (!this.session) return;
    // A Pause came while these steps trained: where they stopped goes out now, and Pause makes the frame.
    if (this.stoppedSent === false && !forceHeatmap && !this.stepsQueued)
      return void (this.stoppedSent = this.tellStopped());
    if (this.playing && defersFrames(this.session, this.pipelineFrames)) {
      const previous = await this.frames.swap(this.snapshot('paced'));
      return previous && this.check(previous);
    }
    // While playing, a frame the page could not draw yet is made when it can (its ack).
    if (this.playing && !this.out.ready) {
      this.frameOwed = true;
      return;
    }
    return this.check(await this.snapshot(forceHeatmap ? 'maps' : 'paced'));
  }

  /** Sends the frame still in flight, if any. */
  private async settle(): Promise<void> {
    const frame = await this.frames.take();
    if (frame) await this.check(frame);
  }

  /** Sends a frame of finished steps, unless its numbers show that training diverged. */
  private async check(snapshot: Frame): Promise<void> {
    if (LastGood.broken(snapshot, this.current().alwaysHasLoss)) return this.diverged(snapshot.step);
    this.accept(snapshot);
  }

  /** A frame with finite numbers: remember its weights (to come back to on divergence) and send it. */
  private accept(frame: Frame): void {
    this.lastGood.keep(frame);
    this.out.frame(frame);
  }

  /** Loss or weights became NaN/Infinity: pause and put back the last finite weights. */
  private async diverged(step: number): Promise<void> {
    this.stop();
    // A frame in flight came after the broken one.
    this.frames.drop();
    const restored = this.lastGood.get();
    this.current().restore(restored.weights, restored.step);
    this.rewind.steppedBack();
    // The events held for the frame happened before the divergence.
    this.out.events([{ kind: 'diverged', step, restoredStep: restored.step }]);
    this.out.frame(await this.snapshot('maps'));
  }

  /** A frame of the session now (frameMaker.ts), of play or not as play is when asked. */
  private snapshot(maps: MapsAsked): Promise<Frame> {
    return this.maker.frame(this.current(), maps, this.playing);
  }
}
