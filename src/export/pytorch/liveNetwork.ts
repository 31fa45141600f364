/**
 * The Dynamic-Live network in plain Python (src/engine/arch/live/: network.ts, neuron.ts, readme.ts, beta.ts,
 * cost.ts), statement for statement: the same firing, ring-buffer memory, the README's recursive and accumulate
 * updates with their rewiring draws, and the beta code's training. The engine's numbers are JavaScript doubles;
 * Python's floats are the same doubles, so the script follows it to the last bit where Python does not raise
 * (division by zero, overflow), and helpers below give JavaScript's answer there.
 */
export const LIVE_ARITHMETIC_PY = String.raw`
# ---- Arithmetic as JavaScript does it (the app's numbers are doubles; Python raises where JavaScript does not) ----


def divide(a, b):
    """a / b, with IEEE division by zero: +-inf, or nan for 0 / 0."""
    if b != 0:
        return a / b
    if a == 0 or a != a:
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def exp(v):
    """math.exp, infinite where it overflows."""
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def trunc(v):
    """Toward zero, keeping the sign of zero; nan and +-inf stay (JavaScript's Math.trunc)."""
    return math.copysign(float(math.trunc(v)), v) if math.isfinite(v) else v


def clip01(v):
    """min(1, max(0, v)), keeping nan (JavaScript's Math.min and Math.max)."""
    return v if v != v else min(1.0, max(0.0, v))


def total(values):
    """A sum left to right (sum() may compensate rounding; the app does not)."""
    s = 0.0
    for v in values:
        s += v
    return s


def normalised(w):
    """A copy that sums to 1; a zero sum gives uniform weights."""
    s = total(w)
    return [1 / len(w) if s == 0 else v / s for v in w]
`;

export const LIVE_NETWORK_PY = String.raw`
# ---- The network: neurons, firing, memory ----


class Neuron:
    """One neuron: its allowed sources (positions in firing order), a weight per source, and its memory."""

    def __init__(self, id, layer, sources, memory):
        self.id = id
        self.layer = layer
        self.sources = sources
        k = len(sources)
        self.weights = [1 / max(1, k)] * k
        # The last M steps, a ring buffer by step % M: the step each slot holds, the inputs read, the output.
        self.mem_steps = [-1] * memory
        self.mem_inputs = [[0.0] * k for _ in range(memory)]
        self.mem_outputs = [0.0] * memory
        # Beta: the row of the latest priming (the beta code's whole memory), integer or not from the first priming.
        self.row = [0.0] * k
        self.integer_memory = None

    def inputs_at(self, t, memory):
        """The inputs read at step t, while the memory still holds that step."""
        slot = t % memory
        return self.mem_inputs[slot] if t >= 1 and self.mem_steps[slot] == t else None


def fire(activation, w, x):
    """README mode: (w.x / sum x)^2 (0 when sum x = 0), or (w.x)^2, tanh(w.x), sigmoid(w.x)."""
    dot = 0.0
    sum_x = 0.0
    for i in range(len(w)):
        dot += w[i] * x[i]
        sum_x += x[i]
    if activation == 'reference':
        if sum_x == 0:
            return 0.0
        q = dot / sum_x
        return q * q
    if activation == 'square':
        return dot * dot
    if activation == 'tanh':
        return math.tanh(dot)
    return 1 / (1 + exp(-dot))


def fire_beta(w, x):
    """The beta code's firing: (y, whether y is the integer zero, i.e. sum x = 0)."""
    dot = 0.0
    sum_x = 0.0
    for i in range(len(w)):
        dot += w[i] * x[i]
        sum_x += x[i]
    if sum_x == 0:
        return 0.0, True
    q = dot / sum_x
    return q * q, False


class Network:
    """The neurons in firing order (layer by layer), their current outputs and the step."""

    def __init__(self, layers, sources, options, random, trainer):
        self.layers = layers
        self.options = options
        self.random = random
        ids = [id for layer in layers for id in layer]
        self.index = {id: i for i, id in enumerate(ids)}
        self.neurons = [
            Neuron(id, l, [self.index[s] for s in sources.get(id, [])] if l > 0 else [], options['memory'])
            for l, layer in enumerate(layers)
            for id in layer
        ]
        self.outputs = [self.index[id] for id in layers[-1]]
        self.values = [0.0] * len(ids)
        # Beta: whether a neuron's output is the integer zero (never fired, or fired on sum x = 0).
        self.integer_zero = [True] * len(ids)
        self.step = 0
        self.trainer = trainer(self.neurons, options, random)

    def propagate(self, inputs):
        """One step: inputs output their values, then each later layer primes (all of it), then fires."""
        self.step += 1
        slot = self.step % self.options['memory']
        beta = self.options['fidelity'] == 'beta'
        k = 0
        for l, layer in enumerate(self.layers):
            if l == 0:
                for value in inputs:
                    self.values[k] = float(value)
                    self.integer_zero[k] = False
                    k += 1
                continue
            first = k
            fired = []
            for _ in layer:
                n = self.neurons[k]
                # Same-layer and later sources still hold last step's outputs: the recurrence.
                x = n.mem_inputs[slot]
                for i, s in enumerate(n.sources):
                    x[i] = self.values[s]
                if beta:
                    self.prime_beta(n, x)
                    y, zero = fire_beta(n.weights, x)
                else:
                    y, zero = fire(self.options['activation'], n.weights, x), False
                n.mem_steps[slot] = self.step
                n.mem_outputs[slot] = y
                fired.append((y, zero))
                k += 1
            for m, (y, zero) in enumerate(fired, start=first):
                self.values[m] = y
                if beta:
                    self.integer_zero[m] = zero

    def prime_beta(self, n, x):
        """The beta code's one-row memory; integer (truncated) for good when every source first gave the integer 0."""
        if n.integer_memory is None:
            n.integer_memory = len(n.sources) > 0 and all(self.integer_zero[s] for s in n.sources)
        for i in range(len(x)):
            n.row[i] = trunc(x[i]) if n.integer_memory else x[i]

    def output_values(self):
        return [self.values[o] for o in self.outputs]

    def outputs_at(self, step):
        """The output neurons' values at a remembered step, or None when it is out of memory."""
        slot = step % self.options['memory']
        values = [self.neurons[o].mem_outputs[slot] for o in self.outputs]
        held = step >= 1 and all(self.neurons[o].mem_steps[slot] == step for o in self.outputs)
        return values if held else None

    def reinforce(self, rewards, at_step):
        """Rewards per output neuron for step at_step; returns the rewiring events (kind, source, neuron, reward)."""
        events = []
        self.trainer.reinforce(self.outputs, rewards, at_step, events)
        return events

    def recursion_size(self):
        """Train calls one reward makes in the recursive mode once the memory is full: paths of up to D neurons
        from an output through sources that stay within the M remembered steps (the app's cost.ts)."""
        neurons, memory, N = self.neurons, self.options['memory'], len(self.neurons)
        calls = [0.0] * (memory * N)
        for d in range(1, self.options['depth'] + 1):
            following = [0.0] * (memory * N)
            for b in range(memory):
                for i, n in enumerate(neurons):
                    if n.layer == 0:
                        continue
                    count = 1.0
                    if d > 1:
                        for s in n.sources:
                            back = b + (0 if neurons[s].layer < n.layer else 1)
                            if back < memory:
                                count += calls[back * N + s]
                    following[b * N + i] = count
            calls = following
        return total(calls[o] for o in self.outputs)
`;

export const LIVE_README_PY = String.raw`
# ---- Reinforcement as the Dynamic-Live README describes ----


class ReadmeTrainer:
    """train(n, r, D, t) recursively ("recursive"), or each (neuron, step)'s summed reward once ("accumulate")."""

    def __init__(self, neurons, options, random):
        self.neurons = neurons
        self.options = options
        self.random = random

    def reinforce(self, outputs, rewards, at_step, events):
        if self.options['update'] == 'recursive':
            for n, r in zip(outputs, rewards):
                self.train(n, r, self.options['depth'], at_step, events)
                self.clamp_stray(r, events)
        else:
            self.accumulate(outputs, rewards, at_step, events)

    def source_step(self, n, source, t):
        """The step a source produced the value n read at step t: t for an earlier layer, else t - 1."""
        return t if self.neurons[source].layer < n.layer else t - 1

    def share(self, n, w, x, tot, i, r):
        """Source i's share of r: r / k, or proportional to w_i x_i / w.x."""
        if self.options['sharing'] == 'equal':
            return r / len(w)
        return 0.0 if tot == 0 else r * w[i] * x[i] / tot

    def train(self, index, r, depth, t, events):
        """Edits the neuron's current weight list in place and ends by giving it a new normalised list, so a nested
        call on the same neuron (through a cycle) sees the outer call's edits, and the outer call's list wins."""
        n = self.neurons[index]
        x = None if n.layer == 0 else n.inputs_at(t, self.options['memory'])
        if x is None:
            return
        w = n.weights
        start = list(w)
        tot = 0.0
        for i in range(len(w)):
            tot += w[i] * x[i]
        for i in range(len(w)):
            if not w[i] > 0:
                continue
            share = self.share(n, w, x, tot, i, r)
            w[i] += self.options['lr'] * r * x[i]
            if depth > 1:
                self.train(n.sources[i], share, depth - 1, self.source_step(n, n.sources[i], t), events)
        self.settle(n, w, start, r, events)
        n.weights = normalised(w)

    def clamp_stray(self, r, events):
        """A weight a nested call left below 0 disconnects here, so weights stay >= 0 and sum to 1."""
        for n in self.neurons:
            if not any(v < 0 for v in n.weights):
                continue
            for i, v in enumerate(n.weights):
                if v < 0:
                    n.weights[i] = 0.0
                    events.append(('disconnect', self.neurons[n.sources[i]].id, n.id, r))
            n.weights = normalised(n.weights)

    def accumulate(self, outputs, rewards, at_step, events):
        """Sums each pair (neuron, b steps back)'s reward over all paths level by level, then updates each pair
        once, in the order the pairs were first reached (the order of the rewiring draws)."""
        N = len(self.neurons)
        summed = {}  # pair -> reward, in the order first reached
        frontier = {}
        for n, r in zip(outputs, rewards):
            frontier[n] = frontier.get(n, 0.0) + r
        d = self.options['depth']
        while d >= 1 and frontier:
            following = {}
            for pair, r in frontier.items():
                neuron = self.neurons[pair % N]
                t = at_step - pair // N
                x = None if neuron.layer == 0 else neuron.inputs_at(t, self.options['memory'])
                if x is None:
                    continue
                summed[pair] = summed.get(pair, 0.0) + r
                if d == 1:
                    continue
                w = neuron.weights
                tot = 0.0
                for i in range(len(w)):
                    tot += w[i] * x[i]
                for i, s in enumerate(neuron.sources):
                    if w[i] > 0:
                        key = (at_step - self.source_step(neuron, s, t)) * N + s
                        following[key] = following.get(key, 0.0) + self.share(neuron, w, x, tot, i, r)
            frontier = following
            d -= 1
        for pair, r in summed.items():
            neuron = self.neurons[pair % N]
            x = neuron.inputs_at(at_step - pair // N, self.options['memory'])
            w = neuron.weights
            start = list(w)
            for i in range(len(w)):
                if w[i] > 0:
                    w[i] += self.options['lr'] * r * x[i]
            self.settle(neuron, w, start, r, events)
            neuron.weights = normalised(w)

    def settle(self, n, w, start, r, events):
        """What fell to 0 or below disconnects; after a negative reward each weight at 0 takes a pair of draws
        (u, v) and reconnects at 0.05 v when u < p."""
        for i in range(len(w)):
            if start[i] > 0 and w[i] <= 0:
                w[i] = 0.0
                events.append(('disconnect', self.neurons[n.sources[i]].id, n.id, r))
        if r < 0 and self.options['pRewire'] > 0:
            for i in range(len(w)):
                if w[i] != 0:
                    continue
                u = self.random()
                v = self.random()
                if u < self.options['pRewire']:
                    w[i] = 0.05 * v
                    events.append(('connect', self.neurons[n.sources[i]].id, n.id, r))
`;

export const LIVE_BETA_PY = String.raw`
# ---- Reinforcement as the beta code does (commit 0a078d0) ----

BETA_REWIRE_ABOVE = 0.9
BETA_NEW_WEIGHT = 0.05


class BetaTrainer:
    """train(n, r, D) on the one-row memory, normalising after every source, no clamping (see the docstring)."""

    def __init__(self, neurons, options, random):
        self.neurons = neurons
        self.options = options
        self.random = random

    def reinforce(self, outputs, rewards, at_step, events):
        # The beta code always trains on the latest inputs, whatever step the reward is for.
        for n, r in zip(outputs, rewards):
            self.train(n, r, self.options['depth'], events)

    def train(self, index, r, depth, events):
        n = self.neurons[index]
        if n.layer == 0:
            return
        w = n.weights
        m = n.row
        k = len(w)
        for i in range(k):
            if w[i] > 0:
                w[i] += self.options['lr'] * r * m[i]
                if depth > 1:
                    self.train(n.sources[i], r / k, depth - 1, events)
            elif r < 0:
                self.rewiring_pass(n, r, events)
            s = total(w)
            for j in range(k):
                w[j] = divide(w[j], s)

    def rewiring_pass(self, n, r, events):
        """One draw u per weight exactly 0 now, in order; v only after u > 0.9."""
        w = n.weights
        for j in [j for j in range(len(w)) if w[j] == 0]:
            if not self.random() > BETA_REWIRE_ABOVE:
                continue
            w[j] = BETA_NEW_WEIGHT * self.random()
            events.append(('connect', self.neurons[n.sources[j]].id, n.id, r))
`;
