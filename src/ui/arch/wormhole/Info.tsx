/** About the Fixed-Point Wormhole network: what it is, what the picture shows, where we departed from the source. */
export function WormholeInfo() {
  return (
    <>
      <p>
        <strong>Fixed-Point Wormhole.</strong> A reconstruction from the abstract of Habiba &amp; Pearlmutter
        (arXiv 2111.00326) — the paper&apos;s full text is not available to us, so details here are our
        choices. A layered tanh network plus gated connections from later layers back to earlier ones: a_l =
        h_(l−1) W_l + b_l + Σ g·(h_j V), g = sigmoid(h_j·c + d) with d starting at −4, so the gates start
        nearly closed.
      </p>
      <p>
        <strong>Fixed point.</strong> The output is the fixed point of sweeping the layers in order
        (Gauss-Seidel) from zero, by plain iteration or Anderson acceleration, to a tolerance. With every gate
        closed the network is acyclic: one sweep reaches the fixed point and a second confirms it. Open gates
        make cycles and more sweeps. The sweeps map shows how many each input took (at least 2); under it, the
        rank correlation of those sweeps with the distance to the decision boundary and with the gate value
        says what they follow in this net — measured over 20 default nets, not the distance to the boundary
        (the reading &quot;hard inputs sit near the boundary&quot; does not hold up). Training differentiates
        the fixed point implicitly: an adjoint fixed point u = uJ + ∂L/∂H*, then ∂L/∂θ = u ∂Φ/∂θ; backprop
        through the unrolled sweeps is the ablation.
      </p>
      <p>
        <strong>Solver (default: Anderson, safeguarded).</strong> Anderson acceleration extrapolates to any
        root of Φ(H) − H, also to ones plain iteration from zero never reaches, and stalled on some training
        batches (52 sweeps where plain iteration needed 12); trained with it, circle reached 66.5% mean test
        accuracy where plain iteration reached 91.7% (10 seeds, Adam 0.01, 300 steps). The safeguarded solver
        mixes a sample only while its residual falls: a mix that does not lower it is replaced by the plain
        step from the iterate before, and the sample starts its history afresh. Measured on the same runs:
        96.7%, fewer sweeps than plain iteration (7.5 against 8.0) and fewer unconverged solves (9 against
        17). The adjoint solve uses the same safeguarded Anderson by default (about 3 iterations instead of 8;
        1 unconverged adjoint solve against 41). &quot;Anderson&quot; is the old unguarded one, kept for old
        links and comparison. Unconverged forward and adjoint solves are counted apart, step by step in the
        log and in total under the convergence view.
      </p>
      <p>
        <strong>Gates.</strong> Soft: sigmoid. Hard: clip(½ + z/4, 0, 1) — the sigmoid&apos;s value and slope
        at 0, exactly 0 below z = −2 (so a closed network is acyclic) and never above 1. A hard gate that is
        shut has no slope, so it could never learn to open; we chose a straight-through gradient for the
        gate&apos;s own c and d (slope ¼ everywhere: they learn whether opening would lower the loss), while
        the states keep the true slope, so the adjoint solves the true linearisation. (A bias that starts
        inside the slope would have opened every gate from the start.) Relu: max(0, z), the first hard gate —
        unbounded and without gradient while shut — kept for links made with it.
      </p>
      <p>
        <strong>Gradients.</strong> L1/L2 from the Training panel applies to the kernels W, V and c (not the
        biases). The unrolled ablation backpropagates through the iterations the chosen solver made — its
        plain steps, its mixes with their coefficients as the solve computed them, its fallbacks — so it is
        the gradient of what was solved; with Anderson it used to run plain sweeps instead.
      </p>
      <p>
        Drag from a neuron of a later layer onto an earlier layer to add a wormhole; drag an arc away to
        remove it (the network keeps what it learned, and its loss curve marks the edit). Click the output
        plane, or pick a training point by number, to replay that input&apos;s solve: animate or step its
        sweeps and the graph shows each neuron&apos;s state and each gate at that sweep. With the default
        closed gates every input takes 2-4 sweeps; open them (gate bias 2, plain solver, more wormholes) to
        see hard inputs.
      </p>
    </>
  );
}
