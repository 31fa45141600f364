/**
 * The Wormhole network as tfjs ops (the autodiff path, and the oracle of the fused kernel): its fixed-point
 * problem, solves, loss and training gradient.
 *   loss        the head's (head.ts), of y = h_L at H*: binary 0.5 mean over samples of (y - t)^2 with
 *               t = 2 label - 1; K classes softmax CE (core/headOps.ts); regression 0.5 mean (y - t)^2
 *   implicit    u = u J + dL/dH* at H* (the adjoint's solver), then dL/dtheta = u dPhi/dtheta + R'(theta)
 *   unrolled    backprop through the iterations the solve made (its plain steps, Anderson's mixes with their
 *               coefficients held as the solve computed them, the safeguard's fallbacks), from X = 0 to the last
 *               sweep: the gradient of the loss of that computation, + R'(theta)
 * R is the L1/L2 term on the kernels (model.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { headUnits, type WormholeSpec } from '../../../experiment';
import { headLoss } from '../../core/headOps';
import type { AdjointTrace, FixedPointTrace } from '../../../protocol/wormhole';
import type { WormholeModel } from './model';
import {
  replayIterations,
  solveAdjoint,
  solveFixedPoint,
  type FixedPointProblem,
  type Iterations,
} from './solvers';

export class WormholeOps {
  constructor(
    private model: WormholeModel,
    private spec: WormholeSpec,
  ) {}

  get widths(): number[] {
    return this.model.widths;
  }

  unflatten(X: tf.Tensor2D): tf.Tensor2D[] {
    return tf.split(X, this.widths, 1) as tf.Tensor2D[];
  }

  problem(x: tf.Tensor2D): FixedPointProblem {
    const phi = (X: tf.Tensor2D) => tf.concat(this.model.sweep(this.unflatten(X), x), 1) as tf.Tensor2D;
    return {
      phi,
      widths: this.widths,
      gateMeans: (X) => {
        const gates = this.model.gates(this.unflatten(X));
        return (gates.length ? tf.stack(gates.map((g) => tf.mean(g))) : tf.zeros([0])) as tf.Tensor1D;
      },
    };
  }

  solve(x: tf.Tensor2D, onSweep?: (F: Float32Array) => void, record?: Iterations) {
    return solveFixedPoint(this.problem(x), x.shape[0], this.spec, onSweep, record);
  }

  /** The output layer's units of the states X: [n, headUnits(head)]. */
  output(X: tf.Tensor2D): tf.Tensor2D {
    const [D, U] = [X.shape[1], headUnits(this.model.head)];
    return tf.slice(X, [0, D - U], [-1, U]);
  }

  /** The head's loss; binary: 0.5 * mean over samples of (y - t)^2, targets t = +-1 from labels 0/1. */
  loss(X: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
    if (this.model.head.kind !== 'binary') return headLoss(this.model.head, this.output(X), labels);
    const t = tf.sub(tf.mul(labels, 2), 1);
    return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(this.output(X), t)), 1)));
  }

  /**
   * The training gradient at the batch's fixed point, per variable (implicit or unrolled, as the spec says),
   * with the forward solve's trace and (implicit) the adjoint's.
   */
  async gradients(
    x: tf.Tensor2D,
    labels: tf.Tensor2D,
  ): Promise<{ grads: tf.NamedTensorMap; solve: FixedPointTrace; adjoint?: AdjointTrace }> {
    const iterations: Iterations = [];
    const unrolled = this.spec.gradient === 'unrolled';
    const { state, trace } = await this.solve(x, undefined, unrolled ? iterations : undefined);
    const vars = this.model.weights.map((w) => w.variable);
    const { phi } = this.problem(x);
    const penalty = () => this.model.regularization();
    if (unrolled) {
      const [n, D] = state.shape;
      state.dispose();
      const { value, grads } = tf.variableGrads(
        () =>
          tf.add(
            this.loss(replayIterations(phi, n, D, iterations, this.spec.damping), labels),
            penalty(),
          ) as tf.Scalar,
        vars,
      );
      value.dispose();
      return { grads, solve: trace };
    }
    const g = tf.grad((X: tf.Tensor) => this.loss(X as tf.Tensor2D, labels))(state) as tf.Tensor2D;
    // Without wormholes Phi does not read H at all (J = 0), so the adjoint is g itself.
    const { u, trace: adjoint } =
      this.model.wormholes.length === 0
        ? { u: g.clone(), trace: { iterations: 0, stop: 'tol' as const, residual: [] } }
        : await solveAdjoint(phi, state, g, this.spec);
    const { value, grads } = tf.variableGrads(
      () => tf.add(tf.sum(tf.mul(phi(state), u)), penalty()) as tf.Scalar,
      vars,
    );
    tf.dispose([value, g, u, state]);
    return { grads, solve: trace, adjoint };
  }
}
