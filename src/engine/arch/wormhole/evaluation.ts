/**
 * What a Wormhole frame shows, solved with the current weights and training nothing: the loss and accuracy of the
 * training and test sets (by the head, head.ts), the test set's confusion matrix and predicted classes, the grid
 * over the plane (the head's map: binary P(blue) = (y + 1) / 2; every neuron's fixed-point value, each point's
 * sweeps and its mean gate at the fixed point), and the sweep-by-sweep states of one sample's solve. On cpu and
 * wasm (fused) the solves run in typed arrays (fusedEval.ts), elsewhere as tfjs ops.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentSpec } from '../../../experiment';
import type { FixedPointTrace, Metrics } from '../../../protocol';
import type { DataFeed } from '../../core/dataFeed';
import {
  gridMaps,
  setMetrics,
  setMetricsSliced,
  solveRows,
  type Between,
  type EvalOptions,
} from './fusedEval';
import { headMapOp, headMetricOps, headPredicted } from '../../core/headOps';
import { classCount, type HeadMetrics } from '../../core/outputHead';
import type { WormholeModel } from './model';
import type { WormholeOps } from './ops';

export class WormholeEvaluation {
  /** The training and test sets as arrays, read once: they do not change within a session. */
  private sets?: Promise<{ x: Float64Array; labels: Float32Array }[]>;

  constructor(
    private spec: ExperimentSpec,
    private feed: DataFeed,
    private model: WormholeModel,
    private ops: WormholeOps,
    /** Whether the session's backend runs the typed-array solves (cpu, wasm). */
    private fused: () => boolean,
  ) {}

  /** The metrics (with the test set's confusion matrix but for regression) and the test rows' predicted classes. */
  async metrics(between?: Between): Promise<{ metrics: Metrics; testPredicted?: Float32Array }> {
    const [train, test] = this.fused()
      ? await this.fusedMetrics(between)
      : [await this.setMetrics(this.feed.train), await this.setMetrics(this.feed.test)];
    const classes = classCount(this.model.head) > 0;
    return {
      metrics: {
        trainLoss: train.loss,
        testLoss: test.loss,
        trainAccuracy: train.accuracy,
        testAccuracy: test.accuracy,
        ...(classes ? { confusion: Array.from(test.confusion) } : {}),
      },
      testPredicted: classes ? test.predicted : undefined,
    };
  }

  /**
   * The grid over the plane at `res` x `res`, solved. `between` is awaited between the sweeps of the typed-array
   * solve (tens of ms for 10,000 points): the worker's messages (Pause) are heard within one slice of it.
   */
  async maps(res: number, between?: Between) {
    if (this.fused()) {
      // The feed caches its grids: read, not disposed.
      const points = Float64Array.from((await this.feed.grid(res).data()) as Float32Array);
      return gridMaps(this.options(), await this.weightArrays(), points, res * res, between);
    }
    const { state, sampleIterations } = await this.ops.solve(this.feed.grid(res));
    const n = res * res;
    const packed = tf.tidy(() => {
      const gates = this.model.gates(this.ops.unflatten(state));
      const y = this.ops.output(state);
      const map = this.model.head.kind === 'binary' ? tf.div(tf.add(y, 1), 2) : headMapOp(this.model.head, y);
      return tf.concat([
        tf.reshape(map, [-1]),
        tf.reshape(tf.transpose(state), [-1]),
        gates.length ? tf.mean(tf.concat(gates, 1), 1) : tf.zeros([0]),
      ]);
    });
    const values = (await packed.data()) as Float32Array;
    tf.dispose([packed, state]);
    const D = this.model.widths.reduce((a, b) => a + b, 0);
    const m = n * (this.model.head.kind === 'classes' ? this.model.head.k : 1);
    return {
      heatmap: values.slice(0, m),
      neuronMaps: values.slice(m, m + n * D),
      iterationMap: sampleIterations,
      gate: values.slice(m + n * D),
    };
  }

  /** One input row's solve: its trace and the state after every sweep. */
  async sweeps(row: number[]): Promise<{ trace: FixedPointTrace; states: number[][] }> {
    const states: number[][] = [];
    const x = this.feed.features([row]);
    if (this.fused()) {
      const input = Float64Array.from((await x.data()) as Float32Array);
      x.dispose();
      const solved = solveRows(this.options(), await this.weightArrays(), input, 1, (F) =>
        states.push(Array.from(Float32Array.from(F))),
      );
      return { trace: solved.trace, states };
    }
    const solved = await this.ops.solve(x, (F) => states.push(Array.from(F)));
    tf.dispose([x, solved.state]);
    return { trace: solved.trace, states };
  }

  private async setMetrics(set: { x: tf.Tensor2D; y: tf.Tensor2D }): Promise<HeadMetrics> {
    const { state } = await this.ops.solve(set.x);
    const head = this.model.head;
    const classes = classCount(head) > 0;
    const m = tf.tidy(() => {
      const y = this.ops.output(state);
      const { accuracy, confusion } = headMetricOps(head, y, set.y);
      const predicted = classes ? tf.cast(headPredicted(head, y), 'float32') : tf.zeros([0]);
      return tf.concat([tf.stack([this.ops.loss(state, set.y), accuracy]), confusion, predicted]);
    });
    const values = (await m.data()) as Float32Array;
    tf.dispose([m, state]);
    const C2 = classCount(head) ** 2;
    return {
      loss: values[0],
      accuracy: values[1],
      confusion: Float64Array.from(values.subarray(2, 2 + C2)),
      predicted: values.slice(2 + C2),
    };
  }

  private async fusedMetrics(between?: Between): Promise<HeadMetrics[]> {
    this.sets ??= Promise.all(
      [this.feed.train, this.feed.test].map(async (set) => ({
        x: Float64Array.from((await set.x.data()) as Float32Array),
        labels: Float32Array.from((await set.y.data()) as Float32Array),
      })),
    );
    const [sets, weights] = [await this.sets, await this.weightArrays()];
    if (!between) return sets.map((set) => setMetrics(this.options(), weights, set));
    const train = await setMetricsSliced(this.options(), weights, sets[0], between);
    return [train, await setMetricsSliced(this.options(), weights, sets[1], between)];
  }

  /** The solver's and the sweep's options, for solves in typed arrays (fusedEval.ts). */
  private options(): EvalOptions {
    const { inputWidth, head } = this.feed;
    return { ...this.spec.wormhole, inputWidth, widths: this.model.widths, head };
  }

  private async weightArrays(): Promise<Float32Array[]> {
    return Promise.all(this.model.weights.map(async (w) => (await w.variable.data()) as Float32Array));
  }
}
