import { useAppStore } from '../appState';

/** What the selected architecture is, what the picture shows, and where we departed from the source. */
export function InfoPanel() {
  const architecture = useAppStore((s) => s.spec.architecture);
  return (
    <section className="panel info" aria-labelledby="info-title">
      <h2 id="info-title">About this network</h2>
      {architecture === 'dian' ? (
        <DianInfo />
      ) : architecture === 'live' ? (
        <LiveInfo />
      ) : architecture === 'wormhole' ? (
        <WormholeInfo />
      ) : (
        <MlpInfo />
      )}
    </section>
  );
}

function MlpInfo() {
  return (
    <p>
      A plain multilayer perceptron, the baseline the experimental architectures are compared with. Each
      hidden layer computes act(h W + b); the output is a logit, trained with sigmoid cross-entropy on
      mini-batches.
    </p>
  );
}

function DianInfo() {
  return (
    <>
      <p>
        <strong>Dynamic Input Activation.</strong> An MLP whose third layer gets a learned, gated extra input
        on every second training iteration: h1 = relu(x W1 + b1), h2 = relu(h1 W2 + b2); on an active
        iteration t (t mod period = 0) e = relu(x E + be), g = sigmoid(e G + bg) and layer 3 reads z = h2 +
        g·e; otherwise z = h2. The output is y = z W3 + b3.
      </p>
      <p>
        <strong>Shape fix.</strong> The published reference code cannot run: its extra path has layer 3&apos;s
        width but is added to layer 2&apos;s output (sizes 100/50/30/10 give 30 against 10: a shape error on
        the first even iteration). Here the extra path has layer 2&apos;s width, so z = h2 + g·e is well
        defined, which is the smallest change that makes the idea run.
      </p>
      <p>
        <strong>Reading the picture.</strong> The lane under the network is the extra path from its source to
        the valve, which opens on active iterations (the path lights with the gate value g) and closes on the
        others, on which the extra path gets no gradient at all. Training steps count from 1, so with period 2
        the gate is open on even steps. At full speed the valve shows the mean g and the strip the rhythm of
        the last iterations. Hover the output plane to read g for that input.
      </p>
    </>
  );
}

function LiveInfo() {
  return (
    <>
      <p>
        <strong>Dynamic-Live.</strong> A recurrent network of single neurons. Layer order only sets the firing
        order: any neuron may receive from any neuron, itself included. Each step the inputs fire, then every
        later layer reads its sources (this step&apos;s values from earlier layers, the previous step&apos;s
        from the same or later layers) and fires y = (Σ w·x / Σ x)². Each neuron&apos;s weights are
        non-negative and sum to 1.
      </p>
      <p>
        <strong>Learning from rewards.</strong> A reward r at the output moves each connected weight by lr·r·x
        and passes a share of r to the source that produced x (at the step it produced it, from the
        neuron&apos;s memory of the last M steps), D levels deep. A weight pushed to 0 disconnects; after a
        negative reward each unconnected allowed source reconnects with probability p at a small random
        weight. Those rewirings flash in the graph and go to the event log with the reward that caused them;
        hover a log entry to find its edge.
      </p>
      <p>
        Recursion visits every path, so its cost grows like k^D; &quot;auto&quot; switches to the accumulate
        mode (each neuron&apos;s rewards summed, one update per step) above 20,000 calls per reward. The order
        of operations follows the reference implementation exactly, including how it stores weights while
        calls nest.
      </p>
    </>
  );
}

function WormholeInfo() {
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
        make cycles and more sweeps — the iterations map shows which inputs are hard. Training differentiates
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
