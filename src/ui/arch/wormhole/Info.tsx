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
        says what they follow in this net — measured over 12 default nets, not the distance to the boundary
        (the reading &quot;hard inputs sit near the boundary&quot; does not hold up). Training differentiates
        the fixed point implicitly: an adjoint fixed point u = uJ + ∂L/∂H*, then ∂L/∂θ = u ∂Φ/∂θ; backprop
        through the unrolled sweeps is the ablation.
      </p>
      <p>
        Drag from a neuron of a later layer onto an earlier layer to add a wormhole; drag an arc away to
        remove it (the network keeps what it learned). Click the output plane to replay that input&apos;s
        solve sweep by sweep.
      </p>
    </>
  );
}
