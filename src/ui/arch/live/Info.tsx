/** About the Dynamic-Live network: what it is, what the picture shows, where we departed from the source. */
export function LiveInfo() {
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
