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
import type { SessionBase, SessionOptions, SnapshotRequest, TrainLimits } from '../../core/session';
import { registerFusedTraining } from '../../core/fusedKernel';
import type { FusedTrainer } from '../../core/fusedTrainer';
import { WormholeEvaluation } from './evaluation';
import { sweepsRelations } from './sweepsRelations';
import { fusedWormholeSteps, readTraces, type FusedWormholeOptions } from './fusedStep';
import { WormholeOps } from './ops';
import { SpecError } from '../../core/specError';
import { GradientSession } from '../../core/gradientSession';
import { disposeOptimizer } from '../../core/optimizer';
import { gridWithinBudget, workProblem, type WormholeData } from './cost';
import { slicer } from '../../core/nextTask';

/** The wormhole grid is solved at most at this resolution (every cell is a fixed-point solve). */
const MAX_GRID = 50;
/** A frame lets the worker's messages in at least this often (Pause within one 16.7 ms frame). */
const SNAPSHOT_SLICE_MS = 4;

const FUSED_WORMHOLE_STEPS = 'FusedWormholeSteps';
registerFusedTraining(FUSED_WORMHOLE_STEPS, fusedWormholeSteps);

export class WormholeSession
  extends GradientSession<FusedWormholeOptions>
  implements SessionBase<'wormhole'>
{
  readonly kind = 'wormhole' as const;
  private model: WormholeModel;
  private ops: WormholeOps;
  private evaluation: WormholeEvaluation;
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
    super(spec, options);
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
      this.head,
    );
    this.ops = new WormholeOps(this.model, spec.wormhole);
    this.evaluation = new WormholeEvaluation(spec, this.feed, this.model, this.ops, () => this.isFused);
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

  async train(steps: number, limits: TrainLimits = {}): Promise<void> {
    if (this.fused && this.isFused) return this.trainFused(this.fused, steps, limits.budgetMs);
    const started = performance.now();
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
      if (limits.budgetMs !== undefined && performance.now() - started >= limits.budgetMs) break;
    }
  }

  /** K steps in one call of the fused kernel; it stops after a step that pauses training, or past the budget. */
  private async trainFused(
    trainer: FusedTrainer<FusedWormholeOptions>,
    steps: number,
    budgetMs?: number,
  ): Promise<void> {
    if (steps <= 0) return;
    const { batches, batchSize } = this.nextBatches(steps);
    const { x, y } = this.feed.train;
    const { wormhole } = this.spec;
    const options: FusedWormholeOptions = {
      ...this.updateOptions(),
      ...wormhole,
      inputWidth: this.feed.inputWidth,
      widths: this.widths,
      head: this.head,
      pause: wormhole.onNonConvergence === 'pause',
      ...(budgetMs !== undefined ? { budgetMs } : {}),
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
    // Sequence tasks have no plane to click: replay the first test window. A data task's point is a row of its plane.
    const row = this.feed.isPlane ? this.feed.planeRow(this.point) : (this.dataset.test[0]?.inputs ?? []);
    const { trace, states } = await this.evaluation.sweeps(row);
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

  async evaluate(): Promise<Metrics> {
    return this.feed.metricsInTargetUnits((await this.evaluation.metrics()).metrics);
  }

  async snapshot({ heatmapRes = 0 }: SnapshotRequest = {}): Promise<Snapshot & { arch: WormholeFrame }> {
    // A frame with maps is long work: in slices, so that messages (Pause) are heard within one (nextTask.ts).
    const slice = slicer(SNAPSHOT_SLICE_MS);
    const between = () => slice.yieldIfDue();
    const { metrics, testPredicted } = await this.evaluation.metrics(between);
    const weights = tf.tidy(() => tf.concat(this.model.weights.map((w) => tf.reshape(w.variable, [-1]))));
    const flat = (await weights.data()) as Float32Array;
    weights.dispose();
    const res = this.feed.isPlane ? Math.min(heatmapRes, this.maxGrid) : 0;
    await between();
    const maps = res > 0 ? await this.evaluation.maps(res, between) : undefined;
    await between();
    // Each its own buffer: a frame's buffers are transferred, and a transfer list may not name one twice.
    const empty = () => new Float32Array(0);
    // A standardised numeric target: the heatmap and the losses back in the target's units (dataFeed.ts).
    return this.feed.inTargetUnits<Snapshot & { arch: WormholeFrame }>({
      step: this.step,
      metrics,
      weights: flat,
      heatmap: maps?.heatmap ?? empty(),
      heatmapRes: res,
      ...(maps && testPredicted ? { testPredicted } : {}),
      neuronMaps: maps?.neuronMaps ?? empty(),
      neuronRes: res,
      arch: {
        kind: 'wormhole',
        iterationMap: maps?.iterationMap ?? empty(),
        // The sweeps against the decision boundary y = 0: binary only.
        sweepsRelations:
          maps && this.head.kind === 'binary'
            ? sweepsRelations(
                res,
                maps.iterationMap,
                maps.heatmap.map((p) => 2 * p - 1),
                maps.gate,
              )
            : undefined,
        fixedPoint: await this.replay(),
        failures: { ...this.failures },
      },
    });
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
    const U = y.shape[1];
    tf.dispose([x, state, y]);
    return points.map((_, i) => Array.from(values.subarray(i * U, (i + 1) * U)));
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
