/**
 * The Dynamic-Live script's reward tasks (src/engine/arch/live/tasks.ts), its session (session.ts: one task step,
 * one propagate, one reward per training step; metrics over the last 100 rewarded steps) and its command line.
 */
import { isDataTask, type TaskKind } from '../../experiment';
import { TASK_GENERATORS } from './tasks';

/** The 2-D reward task's points: the Data panel's task, made and split as the app makes them. */
export function liveDataPy(kind: TaskKind): string {
  if (isDataTask(kind)) throw new Error(`the Live 2-D reward task takes 2-D tasks only (not ${kind})`);
  const generator = TASK_GENERATORS[kind];
  return String.raw`
# ---- Data: the points of the 2-D task, as the app makes them (the reward task draws from the training split) ----
${generator.source}

def make_dataset(seed):
    """The task's points from the seeded stream, shuffled and split into (train, test) lists of ([x1, x2], label)."""
    rng = Rng(derive_seed(seed, 'data:' + TASK['kind']))
    points = ${generator.call}
    order = permutation(len(points), rng)
    shuffled = [points[i] for i in order]
    train_size = max(1, math.floor(len(points) * TASK['trainRatio'] + 0.5))  # JavaScript's Math.round
    return shuffled[:train_size], shuffled[train_size:]
`;
}

export const LIVE_TASK_PY = String.raw`
# ---- Reward tasks: a seeded stream of inputs and the target of the step a reward is for ----


class RewardTask:
    """next(step) gives (inputs, reward_step, target): target None while the task has no answer yet."""

    def __init__(self, seed):
        self.rng = Rng(derive_seed(seed, 'live:' + LIVE['task']))
        self.bits = []
        if LIVE['task'] == '2d':
            self.points = make_dataset(seed)[0]

    def back(self, k):
        return self.bits[-1 - k]

    def next(self, step):
        if LIVE['task'] == '2d':
            # A training point, scaled from [-6, 6] to [0, 1]: the neurons work on non-negative signals.
            (x1, x2), label = self.points[self.rng.below(len(self.points))]
            return [(x1 + 6) / 12, (x2 + 6) / 12], step, label
        self.bits.append(0 if self.rng.next() < 0.5 else 1)
        d = LIVE['delay']
        seen = len(self.bits)
        target = None
        if LIVE['task'] == 'temporal-xor' and seen >= d + 1:
            target = self.back(0) ^ self.back(d)
        elif LIVE['task'] in ('delayed-recall', 'delayed-reward') and seen >= d + 1:
            target = self.back(d)
        elif LIVE['task'] == 'parity' and seen >= LIVE['bits']:
            target = 0
            for bit in self.bits[-LIVE['bits']:]:
                target ^= bit
        # Delayed reward: echo the input, but the reward for step t arrives at step t + d (trained from memory).
        lag = d if LIVE['task'] == 'delayed-reward' else 0
        return [self.back(0)], step - lag, target


def reward_for(y, target):
    """'target': 1 - 2|clip(y, 0, 1) - target|; 'reference': (y - 0.5) * 2, blind to the target."""
    if LIVE['reward'] == 'reference':
        return (y - 0.5) * 2
    return 1 - 2 * abs(clip01(y) - target)
`;

export const LIVE_RUN_PY = String.raw`
# ---- Training: the app's Live session ----

RECURSION_LIMIT = 20000  # "auto": recursive while one reward makes at most this many train calls
WINDOW = 100  # the metrics are over this many recent rewarded steps


def build_network(seed):
    """The network as the app builds it from the spec: its options resolved, its own rewiring stream."""
    random = Rng(derive_seed(seed, 'rewire')).next
    layers, sources = LIVE['layers'], LIVE['sources']
    options = {key: LIVE[key] for key in ('lr', 'memory', 'depth', 'sharing', 'pRewire', 'activation', 'fidelity')}
    if LIVE['fidelity'] == 'beta':
        # The beta code's own options; the ring buffer only keeps the outputs a delayed reward scores.
        options.update(memory=LIVE['delay'] + 1, update='recursive', activation='reference', sharing='equal')
        return Network(layers, sources, options, random, BetaTrainer)
    options['update'] = 'accumulate' if LIVE['update'] == 'accumulate' else 'recursive'
    network = Network(layers, sources, options, random, ReadmeTrainer)
    if LIVE['update'] == 'auto' and network.recursion_size() > RECURSION_LIMIT:
        return Network(layers, sources, {**options, 'update': 'accumulate'}, random, ReadmeTrainer)
    return network


class Run:
    """One run: the network, the reward task, the recent outcomes and the rewiring events, at a step."""

    def __init__(self, seed, weights, step):
        self.network = build_network(seed)
        for n in self.network.neurons:
            if n.layer > 0 and weights is not None:
                n.weights = [float(v) for v in weights['neuron/' + n.id]]
        self.network.step = step
        self.task = RewardTask(seed)
        self.recent = []  # (input, target, output, reward) of the last WINDOW rewarded steps
        self.rewiring = []

    @classmethod
    def exported(cls):
        """As the app goes on from the exported file: its weights and step, empty memories, fresh streams."""
        return cls(SEED, TRAINED_WEIGHTS, STEP)

    @classmethod
    def fresh(cls, seed):
        """The same experiment from scratch with another seed (weights 1/k, task and rewiring streams)."""
        return cls(seed, None, 0)

    def train(self, steps, report=None):
        """Each step: the task's next input, one propagate, the reward for the step it refers to; report gets the
        mean reward over the recent rewarded steps after each step (nan before the first reward)."""
        for _ in range(steps):
            inputs, reward_step, target = self.task.next(self.network.step + 1)
            self.network.propagate(inputs)
            outputs = self.network.outputs_at(reward_step)
            if target is not None and outputs is not None:
                y = outputs[0]
                reward = reward_for(y, target)
                # Only the first output is scored; the app gives any other output no reward (NaN in JavaScript).
                rewards = [reward] + [math.nan] * (len(outputs) - 1)
                for kind, source, neuron, r in self.network.reinforce(rewards, reward_step):
                    self.rewiring.append(
                        {'kind': kind, 'source': source, 'neuron': neuron, 'reward': r, 'step': self.network.step})
                self.recent = (self.recent + [(inputs[0], target, y, reward)])[-WINDOW:]
            if report:
                report(self.metrics()['meanReward'])

    def metrics(self):
        """Over the recent rewarded steps: squared error (the app's loss), accuracy (y > 0.5 vs target), mean reward."""
        def mean(f):
            return total(f(o) for o in self.recent) / len(self.recent) if self.recent else math.nan
        return {
            'trainLoss': mean(lambda o: (o[2] - o[1]) * (o[2] - o[1])),
            'trainAccuracy': mean(lambda o: float((1 if o[2] > 0.5 else 0) == o[1])),
            'meanReward': mean(lambda o: o[3]),
        }

    def predict(self, rows):
        """One propagate per row, in order (the app's propagate): the output neurons' values after each."""
        width = len(LIVE['layers'][0])
        outputs = []
        for row in rows:
            if len(row) != width or not all(math.isfinite(v) for v in row):
                raise SystemExit(f'--predict: each row needs {width} finite input value(s), got {row}')
            self.network.propagate(row)
            outputs.append(self.network.output_values())
        return outputs

    def save(self, path):
        """What Export file writes (the app opens it with Import file), and the rewiring events of this run."""
        weights = {
            'neuron/' + n.id: {'shape': [len(n.weights)], 'values': n.weights}
            for n in self.network.neurons if n.layer > 0
        }
        with open(path, 'w') as f:
            json.dump({'format': FILE_FORMAT, 'spec': SPEC, 'step': self.network.step, 'weights': weights,
                       'rewiring': self.rewiring}, f)
`;

export const LIVE_CLI_PY = String.raw`
# ---- Command line ----


def seed_sweep(seeds, steps):
    """Trains seeds SEED..SEED+seeds-1 from scratch; the mean reward over the last rewarded steps of each."""
    results = []
    for seed in range(SEED, SEED + seeds):
        run = Run.fresh(seed)
        run.train(steps)
        m = run.metrics()
        results.append(m['meanReward'])
        print(f"seed {seed}: mean reward {m['meanReward']:.4f}, accuracy {m['trainAccuracy']:.4f}")
    spread = statistics.stdev(results) if len(results) > 1 else 0.0
    print(f'mean reward over {len(results)} seeds after {steps} steps: mean {statistics.fmean(results):.4f}, '
          f'sd {spread:.4f}, min {min(results):.4f}, max {max(results):.4f}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--predict', metavar='IN.json', help='propagate the input rows in IN.json; print the outputs')
    parser.add_argument('--train', metavar='N', type=int, default=0, help='train N more steps, printing mean rewards')
    parser.add_argument('--seeds', metavar='K', type=int, help='train K seeds from scratch; print their mean rewards')
    parser.add_argument('--save', metavar='OUT.json', help='write the network as an experiment file the app opens')
    parser.add_argument('--device', default='cpu', help='accepted; the Live network is scalar Python on the cpu')
    args = parser.parse_args()
    if args.seeds:
        seed_sweep(args.seeds, args.train or STEP)
        return
    run = Run.exported()
    run.train(args.train, report=print)
    if args.predict:
        with open(args.predict) as f:
            print(json.dumps(run.predict(json.load(f))))
    if args.save:
        run.save(args.save)
    if not (args.train or args.predict or args.save):
        print(f'step {STEP}: {len(run.network.neurons)} neurons; --train N, --predict IN.json, --save OUT.json or '
              '--seeds K (see --help)')
`;
