/** About the Dynamic-Live network: what it is, what the picture shows, its source and the two fidelities. */
const REPO = 'https://github.com/nochinator/Dynamic-live-architecture';

export function LiveInfo() {
  return (
    <>
      <p>
        <strong>Dynamic-Live.</strong> A recurrent network of single neurons, after{' '}
        <a href={REPO} target="_blank" rel="noreferrer">
          nochinator/Dynamic-live-architecture
        </a>
        . Layer order only sets the firing order: any neuron may receive from any neuron, itself included.
        Each step the inputs fire, then every later layer reads its sources (this step&apos;s values from
        earlier layers, the previous step&apos;s from the same or later layers) and fires y = (Σ w·x / Σ x)².
      </p>
      <p>
        <strong>Learning from rewards.</strong> As its README describes (the default): a reward r at the
        output moves each connected weight by lr·r·x and passes a share of r to the source that produced x (at
        the step it produced it, from the neuron&apos;s memory of the last M steps), D levels deep. A weight
        pushed to 0 disconnects; after a negative reward each unconnected allowed source reconnects with
        probability p at a small random weight; then the neuron renormalises, so its weights stay ≥ 0 and sum
        to 1. Rewirings flash in the graph and go to the event log with the reward that caused them; hover a
        log entry to find its edge. Recursion visits every path, so its cost grows like k^D; &quot;auto&quot;
        switches to the accumulate mode (each neuron&apos;s rewards summed, one update per step) above 20,000
        calls per reward. This mode follows the README&apos;s description, with the order of operations pinned
        by test vectors from an independent implementation of it, not by the repository&apos;s code.
      </p>
      <p>
        <strong>Classes.</strong> On iris or digits the 2-D reward task feeds a table&apos;s rows (each column
        scaled to [0, 1] by its training rows&apos; min and max) and the network has one output per class:
        each output is rewarded against its own target (1 for its class, else 0), and the answer is the
        largest output. The rule moves weights towards the inputs of rewarded steps whatever the target, so it
        learns only where a class&apos;s own output fires above 0.5: with sigmoid firing (iris: 58–79% over
        the last 100 steps, chance 33%), not with the reference firing, whose outputs stay below 0.5 (below
        chance).
      </p>
      <p>
        <strong>As the beta code does.</strong> The repository&apos;s code (branch <code>beta</code>, commit
        0a078d0) does not do what its README says. This mode reproduces it exactly: its own run on test
        vectors matches to the last bit. What differs:
      </p>
      <ul data-testid="live-fidelity-differences">
        <li>
          <strong>Memory:</strong> one row, the latest inputs; every reward trains on them, whatever step it
          is about, in every layer. M has no effect.
        </li>
        <li>
          <strong>Normalisation</strong> after every source, inside the loop, not once at the end: later
          updates use weights already renormalised.
        </li>
        <li>
          <strong>No clamping, no disconnection:</strong> weights go negative and stay (drawn orange); a
          negative weight is skipped but rescaled, and a negative sum flips every sign.
        </li>
        <li>
          <strong>Rewiring:</strong> each time the loop reaches a weight ≤ 0, every weight still exactly 0
          gets a draw (reconnect if u &gt; 0.9, at 0.05·v), so with 4 unconnected sources each reconnects with
          about 0.31 after one negative reward, not 0.1; a source reconnected early in the loop is trained,
          and can go negative, in the same call. Since weights that start above 0 go negative rather than to
          exactly 0, rewiring hardly ever happens unless weights start at 0.
        </li>
        <li>
          <strong>A weight sum of 0</strong> divides by zero: the neuron&apos;s weights are NaN for good (the
          README mode resets them to uniform).
        </li>
        <li>
          <strong>Integer memory:</strong> a neuron first primed while all its sources output the integer zero
          stores whole numbers from then on, floor(x), so with inputs below 1 it never learns (the
          example&apos;s output neuron when the first input is 0).
        </li>
        <li>
          Only the reference firing, equal sharing r/k, a fixed p and the full recursion (no accumulate mode;
          a network where one reward could make over a million calls is refused).
        </li>
      </ul>
    </>
  );
}
