/**
 * A Fixed-Point Wormhole session: each training step solves the batch's fixed point with no tape, then takes
 * the implicit gradient (adjoint fixed point, vector-Jacobian products only) or, as the ablation, backprop
 * through the unrolled iterations, and applies it with the optimizer. Every solve keeps its trace. On cpu and
 * wasm the implicit gradient's steps run in the fused kernel (fusedStep.ts, K steps per call); the unrolled
 * ablation, other backends, and `fused: false` train by tfjs autodiff.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentSpec, WeightMap } from '../../../experiment';
import { createWormhole, type WormholeModel } from './model';
import { createRng, deriveSeed } from '../../../experiment';
import type {
  AdjointTrace,
  EngineEvent,
  FixedPointReplay,
  FixedPointTrace,
  Metrics,
  Snapshot,
  SolveFailures,
  StopReason,
  WormholeFrame,
} from '../../../protocol';
import type { SessionBase, SessionOptions, SnapshotRequest } from '../../core/session';
import { registerFusedTraining } from '../../core/fusedKernel';
import type { FusedTrainer } from '../../core/fusedTrainer';
import { gridMaps, setMetrics, solveRows, type EvalOptions } from './fusedEval';
import { sweepsRelations } from './sweepsRelations';
import { fusedWormholeSteps, readTraces, type FusedWormholeOptions } from './fusedStep';
import { WormholeOps } from './ops';
import { SpecError } from '../../core/specError';
import { GradientSession } from '../../core/gradientSession';
import { disposeOptimizer } from '../../core/optimizer';
import { gridWithinBudget, workProblem, type WormholeData } from './cost';

/** The wormhole grid is solved at most at this resolution (every cell is a fixed-point solve). */
const MAX_GRID = 50;

const FUSED_WORMHOLE_STEPS = 'FusedWormholeSteps';
registerFusedTraining(FUSED_WORMHOLE_STEPS, fusedWormholeSteps);

export class WormholeSession
  extends GradientSession<FusedWormholeOptions>
  implements SessionBase<'wormhole'>
{
  readonly kind = 'wormhole' as const;
  private model: WormholeModel;
  private ops: WormholeOps;
  private point: [number, number] = [1, 1];
  private reports: EngineEvent[] = [];
  /** The last training step's forward and adjoint traces. */
  lastSolve?: FixedPointTrace;
  lastAdjoint?: AdjointTrace;
  /** Training solves that stopped at maxIter or diverged since the session started. */
  readonly failures: SolveFailures = { forward: 0, adjoint: 0 };

  /** The finest grid a frame solves within the work budget (src/engine/core/workBudget.ts). */
  private readonly maxGrid: number;

  /** `fused: false` trains by autodiff even where the fused kernel runs (the tests' oracle). */
  constructor(spec: ExperimentSpec, options: SessionOptions = {}) {
    super(spec);
    const data: WormholeData = {
      inputWidth: this.feed.inputWidth,
      points: this.dataset.train.length + this.dataset.test.length,
    };
    const problem = workProblem(spec, data);
    if (problem) {
      // Refused before the model exists: only the data and the optimizer hold tensors yet.
      this.feed.dispose();
      disposeOptimizer(this.optimizer);
      throw new SpecError(problem);
    }
    this.maxGrid = gridWithinBudget(spec, data, MAX_GRID);
    this.model = createWormhole(
      spec.wormhole,
      spec.training,
      this.feed.inputWidth,
      createRng(deriveSeed(spec.seed, 'init')),
    );
    this.ops = new WormholeOps(this.model, spec.wormhole);
    // The unrolled ablation (backprop through the sweeps) has no fused kernel.
    const fused = options.fused !== false && spec.wormhole.gradient === 'implicit';
    this.useFusedKernel(FUSED_WORMHOLE_STEPS, { fused });
  }

  protected get named() {
    return this.model.weights;
  }

  get layerWidths() {
    return this.model.widths;
  }

  private get widths() {
    return this.model.widths;
  }

  private solve(x: tf.Tensor2D, onSweep?: (F: Float32Array) => void) {
    return this.ops.solve(x, onSweep);
  }

  async train(steps: number): Promise<void> {
    if (this.fused && this.isFused) return this.trainFused(this.fused, steps);
    for (let i = 0; i < steps; i++) {
      const { x, y } = this.feed.gather(this.feed.nextBatch());
      let result: Awaited<ReturnType<WormholeOps['gradients']>>;
      try {
        result = await this.ops.gradients(x, y);
      } finally {
        tf.dispose([x, y]);
      }
      const { grads, solve, adjoint } = result;
      if (adjoint) this.lastAdjoint = adjoint;
      // As an array in the weights' order, as minimize() passes them: tfjs keeps the slots by position, and a
      // map's keys (tfjs's numeric variable names) come in creation order, not the weights' (the training state
      // is saved and restored in the weights' order).
      const vars = this.model.weights.map((w) => w.variable);
      this.optimizer.applyGradients(vars.map((v) => ({ name: v.name, tensor: grads[v.name] })));
      tf.dispose(Object.values(grads));
      if (this.stepTaken(solve, adjoint)) break;
    }
  }

  /** K steps in one call of the fused kernel; it stops after a step that pauses training. */
  private async trainFused(trainer: FusedTrainer<FusedWormholeOptions>, steps: number): Promise<void> {
    if (steps <= 0) return;
    const { batches, batchSize } = this.nextBatches(steps);
    const { x, y } = this.feed.train;
    const { wormhole } = this.spec;
    const options: FusedWormholeOptions = {
      ...this.updateOptions(),
      ...wormhole,
      inputWidth: this.feed.inputWidth,
      widths: this.widths,
      pause: wormhole.onNonConvergence === 'pause',
    };
    const values = await trainer.train({ x, y, batches, gates: new Int32Array(steps), batchSize }, options);
    const { solves, adjoints, adjoint } = readTraces(values, this.widths.length, wormhole.wormholes.length);
    // The batches of steps not taken come next.
    this.feed.giveBack(batches.subarray(solves.length * batchSize));
    solves.forEach((solve, i) => this.stepTaken(solve, adjoints[i]));
    this.lastAdjoint = adjoint;
  }

  /**
   * Counts a step taken with these forward and adjoint solves; reports each that did not converge. Whether the
   * step pauses training (either solve failed under the pause policy).
   */
  private stepTaken(solve: FixedPointTrace, adjoint?: { iterations: number; stop: StopReason }): boolean {
    this.step++;
    this.lastSolve = solve;
    const paused = this.spec.wormhole.onNonConvergence === 'pause';
    let failed = false;
    for (const [kind, trace] of [
      ['forward', solve],
      ['adjoint', adjoint],
    ] as const) {
      if (!trace || trace.stop === 'tol') continue;
      failed = true;
      this.failures[kind]++;
      this.reports.push({
        kind: 'solve',
        solve: kind,
        step: this.step,
        stop: trace.stop,
        iterations: trace.iterations,
        paused,
      });
    }
    return failed && paused;
  }

  /** Training solves that hit maxIter or diverged since the last call. */
  takeEvents(): EngineEvent[] {
    return this.reports.splice(0);
  }

  archLayout() {
    return { kind: 'wormhole' as const, wormholes: this.spec.wormhole.wormholes };
  }

  /** Picks the sample whose solve the convergence view replays. */
  select(point: [number, number]): void {
    if (!point.every(Number.isFinite)) throw new SpecError('a sample is two finite numbers');
    this.point = point;
  }

  async replay(): Promise<FixedPointReplay> {
    const states: number[][] = [];
    // Sequence tasks have no plane to click: replay the first test window.
    const row = this.feed.isPlane ? this.point : (this.dataset.test[0]?.inputs ?? []);
    const x = this.feed.features([row]);
    let trace: FixedPointTrace;
    if (this.isFused) {
      const input = Float64Array.from((await x.data()) as Float32Array);
      x.dispose();
      const solved = solveRows(this.evalOptions(), await this.weightArrays(), input, 1, (F) =>
        states.push(Array.from(Float32Array.from(F))),
      );
      trace = solved.trace;
    } else {
      const solved = await this.solve(x, (F) => states.push(Array.from(F)));
      tf.dispose([x, solved.state]);
      trace = solved.trace;
    }
    const { tol, residual } = this.spec.wormhole;
    const training = this.lastSolve && {
      forward: { iterations: this.lastSolve.iterations, stop: this.lastSolve.stop },
      adjoint: this.spec.wormhole.gradient === 'implicit' ? this.lastAdjoint : undefined,
    };
    return {
      ...trace,
      point: this.point,
      states,
      widths: this.widths,
      tol,
      residualKind: residual,
      training,
    };
  }

  private async setMetrics(set: { x: tf.Tensor2D; y: tf.Tensor2D }): Promise<[number, number]> {
    const { state } = await this.solve(set.x);
    const m = tf.tidy(() => {
      const correct = tf.equal(tf.greater(this.ops.output(state), 0), tf.greater(set.y, 0.5));
      return tf.stack([this.ops.loss(state, set.y), tf.mean(tf.cast(correct, 'float32'))]);
    });
    const [loss, acc] = await m.data();
    tf.dispose([m, state]);
    return [loss, acc];
  }

  async evaluate(): Promise<Metrics> {
    const [[trainLoss, trainAccuracy], [testLoss, testAccuracy]] = this.isFused
      ? await this.fusedMetrics()
      : [await this.setMetrics(this.feed.train), await this.setMetrics(this.feed.test)];
    return {
      trainLoss,
      testLoss,
      trainAccuracy,
      testAccuracy,
    };
  }

  /** The solver's and the sweep's options, for solves in typed arrays (fusedEval.ts). */
  private evalOptions(): EvalOptions {
    return { ...this.spec.wormhole, inputWidth: this.feed.inputWidth, widths: this.widths };
  }

  private async weightArrays(): Promise<Float32Array[]> {
    return Promise.all(this.model.weights.map(async (w) => (await w.variable.data()) as Float32Array));
  }

  /** The training and test sets as arrays, read once: they do not change within a session. */
  private sets?: Promise<{ x: Float64Array; labels: Float32Array }[]>;

  private async fusedMetrics(): Promise<[number, number][]> {
    this.sets ??= Promise.all(
      [this.feed.train, this.feed.test].map(async (set) => ({
        x: Float64Array.from((await set.x.data()) as Float32Array),
        labels: Float32Array.from((await set.y.data()) as Float32Array),
      })),
    );
    const [sets, weights] = [await this.sets, await this.weightArrays()];
    return sets.map((set) => setMetrics(this.evalOptions(), weights, set));
  }

  async snapshot({ heatmapRes = 0 }: SnapshotRequest = {}): Promise<Snapshot & { arch: WormholeFrame }> {
    const metrics = await this.evaluate();
    const weights = tf.tidy(() => tf.concat(this.model.weights.map((w) => tf.reshape(w.variable, [-1]))));
    const flat = (await weights.data()) as Float32Array;
    weights.dispose();
    const res = this.feed.isPlane ? Math.min(heatmapRes, this.maxGrid) : 0;
    const maps = res > 0 ? await this.maps(res) : undefined;
    // Each its own buffer: a frame's buffers are transferred, and a transfer list may not name one twice.
    const empty = () => new Float32Array(0);
    return {
      step: this.step,
      metrics,
      weights: flat,
      heatmap: maps?.heatmap ?? empty(),
      heatmapRes: res,
      neuronMaps: maps?.neuronMaps ?? empty(),
      neuronRes: res,
      arch: {
        kind: 'wormhole',
        iterationMap: maps?.iterationMap ?? empty(),
        sweepsRelations:
          maps &&
          sweepsRelations(
            res,
            maps.iterationMap,
            maps.heatmap.map((p) => 2 * p - 1),
            maps.gate,
          ),
        fixedPoint: await this.replay(),
        failures: { ...this.failures },
      },
    };
  }

  /**
   * The grid over the plane, solved: P(blue) = (y + 1) / 2, the neurons' fixed-point values, each point's sweeps
   * and its gate value at the fixed point (the mean over the wormholes; empty without them).
   */
  private async maps(res: number) {
    if (this.isFused) {
      // The feed caches its grids: read, not disposed.
      const points = Float64Array.from((await this.feed.grid(res).data()) as Float32Array);
      return gridMaps(this.evalOptions(), await this.weightArrays(), points, res * res);
    }
    const { state, sampleIterations } = await this.solve(this.feed.grid(res));
    const n = res * res;
    const packed = tf.tidy(() => {
      const gates = this.model.gates(this.ops.unflatten(state));
      return tf.concat([
        tf.reshape(tf.div(tf.add(this.ops.output(state), 1), 2), [-1]),
        tf.reshape(tf.transpose(state), [-1]),
        gates.length ? tf.mean(tf.concat(gates, 1), 1) : tf.zeros([0]),
      ]);
    });
    const values = (await packed.data()) as Float32Array;
    tf.dispose([packed, state]);
    const D = this.widths.reduce((a, b) => a + b, 0);
    return {
      heatmap: values.slice(0, n),
      neuronMaps: values.slice(n, n + n * D),
      iterationMap: sampleIterations,
      gate: values.slice(n + n * D),
    };
  }

  /**
   * Solves the fixed point of these input rows with the current weights, training nothing: the solve's trace
   * and each row's sweeps until its own residual was below tol (what the bench counts).
   */
  async solvePoints(points: number[][]): Promise<{ trace: FixedPointTrace; sampleIterations: Float32Array }> {
    const x = this.feed.features(points);
    const { state, trace, sampleIterations } = await this.solve(x);
    tf.dispose([x, state]);
    return { trace, sampleIterations };
  }

  async predict(points: number[][]): Promise<number[][]> {
    const x = this.feed.features(points);
    const { state } = await this.solve(x);
    const y = this.ops.output(state);
    const values = await y.data();
    tf.dispose([x, state, y]);
    return points.map((_, i) => [values[i]]);
  }

  async gradients(points: number[][], labels: number[]): Promise<WeightMap> {
    const x = this.feed.features(points);
    const y = tf.tensor2d(labels, [labels.length, 1]);
    const { grads, adjoint } = await this.ops.gradients(x, y);
    if (adjoint) this.lastAdjoint = adjoint;
    tf.dispose([x, y]);
    return this.toWeightMap(grads);
  }
}
