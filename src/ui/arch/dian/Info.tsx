/** About the DIAN network: what it is, what the picture shows, where we departed from the source. */
export function DianInfo() {
  return (
    <>
      <p>
        <strong>Dynamic Input Activation.</strong> An MLP whose third layer gets a learned, gated extra input
        on every second training iteration: h1 = relu(x W1 + b1), h2 = relu(h1 W2 + b2); on an active
        iteration t (t mod period = 0) e = relu(x E + be), g = sigmoid(e G + bg) and layer 3 reads z = h2 +
        g·e; otherwise z = h2. The output is y = z W3 + b3 here (a logit for the sigmoid cross-entropy; K
        logits and softmax for K classes, a value for a numeric target); the paper&apos;s code puts a relu on
        it, which the Final activation option reproduces.
      </p>
      <p>
        <strong>As in the paper&apos;s code.</strong> Two options follow its loop where this playground chose
        otherwise: Count iterations &quot;from 0&quot; numbers steps as its <code>for t in range(...)</code>{' '}
        does, so the gate is open on the very first step (from 1, the default, matches the step counter: open
        on even steps); Initialisation &quot;PyTorch&apos;s nn.Linear default&quot; starts every kernel and
        bias uniform in ±1/√(fan in), as its layers start, instead of Glorot-normal kernels and zero biases.
      </p>
      <p>
        <strong>Shape fix.</strong> The published reference code cannot run: its extra path has layer 3&apos;s
        width but is added to layer 2&apos;s output (sizes 100/50/30/10 give 30 against 10: a shape error on
        the first even iteration). Here the extra path has layer 2&apos;s width, so z = h2 + g·e is well
        defined, which is the smallest change that makes the idea run.
      </p>
      <p>
        <strong>Reading the picture.</strong> The lane under the network is the extra path from its source,
        through its neurons e (each showing its activation over the plane), to the valve and on into layer 3,
        which reads z = h2 + g·e. The valve opens on active iterations (an arrow through it; the lane lights
        with the gate value g) and closes on the others (a bar across it), on which the extra path gets no
        gradient at all. Training steps count from 1, so with period 2 the gate is open on even steps (or on
        odd ones when iterations count from 0). Playing faster than slow, the valve shows the share of the
        last 48 steps it was open on and their mean g, and the strip their rhythm. Hover the output plane to
        read g for that input.
      </p>
    </>
  );
}
