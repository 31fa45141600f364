/**
 * The script of a gradient-trained network (MLP, DIAN, Wormhole): settings, data, the architecture's network,
 * regularisation, the optimizer, the training loop and the command line. The architecture brings its maths (the
 * docstring), its settings and its `Network` (forward pass, training loss, initialisation).
 */
import { isSequenceTask, type ExperimentSpec, type TrainingState, type WeightMap } from '../../experiment';
import { CLI_PY, MAIN_PY, usagePy } from './cli';
import { dataPy } from './data';
import { OPTIMIZER_PY } from './optimizer';
import { pyDict, pySource, pyValue, pyWeights } from './python';
import { RNG_PY } from './rng';

export interface ExportedExperiment {
  spec: ExperimentSpec;
  weights: WeightMap;
  step: number;
  /** The optimizer's state and the batch order (absent in files made before they were carried). */
  state?: TrainingState;
}

/** What an architecture adds to the script. */
export interface LayeredArch {
  /** One line: what the network is. */
  title: string;
  /** The maths, in the notation of docs/DESIGN.md, for the docstring. */
  maths: string;
  /** The architecture's settings from the spec (its slice, as the script uses it). */
  settings(spec: ExperimentSpec): Record<string, unknown>;
  /**
   * Python: `initial_weights(seed, input_width)`, `class Network(weights)` with `outputs(x, step)` (what the
   * engine's predict returns at that step) and `training_loss(x, y, step)`, and `data_loss(outputs, y)`, `accuracy(outputs, y)`.
   */
  network(spec: ExperimentSpec): string;
}

const REGULARIZATION_PY = String.raw`
def regularization(kernels):
    """rate * sum |w| (l1) or rate * 0.5 * sum w^2 (l2) over the kernels (never the biases)."""
    rate = TRAINING['regularizationRate']
    if TRAINING['regularization'] == 'none' or rate == 0:
        return 0
    if TRAINING['regularization'] == 'l1':
        # |w| written so that its slope at 0 is -1, as tfjs's abs has it (torch.abs has 0 there).
        return rate * sum(torch.where(k > 0, k, -k).sum() for k in kernels)
    return rate * sum(0.5 * (k * k).sum() for k in kernels)
`;

const RUN_PY = String.raw`
# ---- Training ----


class Run:
    """One run of the experiment: its data, network, optimizer and batch order, at a step."""

    def __init__(self, seed, weights, step, saved_state, device):
        train, test = make_dataset(seed)
        self.train_x, self.train_y = labelled(train, device)
        self.test_x, self.test_y = labelled(test, device)
        if weights is None:
            weights = initial_weights(seed, self.train_x.shape[1])
        self.weights = {
            name: torch.as_tensor(w, dtype=torch.float32).clone().to(device).requires_grad_()
            for name, w in weights.items()
        }
        self.network = Network(self.weights)
        self.optimizer = Optimizer(TRAINING['optimizer'], TRAINING['learningRate'], self.weights, saved_state)
        n, batch_size = len(train), TRAINING['batchSize']
        self.batches = (BatchOrder.saved(n, batch_size, saved_state['batches']) if saved_state
                        else BatchOrder.fresh(n, batch_size, seed))
        self.step = step
        self.device = device

    @classmethod
    def exported(cls, device):
        """The experiment as it was exported: trained weights, step, optimizer state and batch order."""
        return cls(SEED, TRAINED_WEIGHTS, STEP, TRAINING_STATE, device)

    @classmethod
    def fresh(cls, seed, device):
        """The same experiment from scratch with another seed (data, initial weights and batch order)."""
        return cls(seed, None, 0, None, device)

    def train(self, steps, report=None):
        """Trains steps mini-batch steps (numbered from 1); report gets the training-set loss after each."""
        for _ in range(steps):
            self.step += 1
            batch = torch.tensor(self.batches.next_batch(), device=self.device)
            self.optimizer.zero_grad()
            self.network.training_loss(self.train_x[batch], self.train_y[batch], self.step).backward()
            self.optimizer.step()
            if report:
                report(self.loss_and_accuracy(self.train_x, self.train_y)[0])

    @torch.no_grad()
    def loss_and_accuracy(self, x, y):
        outputs = self.network.outputs(x, self.step)
        return data_loss(outputs, y).item(), accuracy(outputs, y).item()

    def test_accuracy(self):
        return self.loss_and_accuracy(self.test_x, self.test_y)[1]

    @torch.no_grad()
    def predict(self, rows):
        return self.network.outputs(network_inputs(rows, self.device), self.step).tolist()
`;

function header(arch: LayeredArch, experiment: ExportedExperiment, fileName: string): string {
  const { spec, step } = experiment;
  return `"""${arch.title}: ${spec.task.kind}, seed ${spec.seed}, exported from the Dynamic Nets Playground at step ${step}.

${arch.maths.trim()}

The data are the app's, point for point (its seeded generator and task generators below), with the same split and
mini-batch order; the weights, the optimizer's state and the batch order are the app's at step ${step}, so
--train goes on as the app would (on cpu, to float32 rounding).

${usagePy(fileName)}
"""`;
}

export function layeredScript(arch: LayeredArch, experiment: ExportedExperiment, fileName: string): string {
  const { spec, step, state } = experiment;
  const { kind, numSamples, noise, trainRatio, length, features } = spec.task;
  const task = { kind, numSamples, noise, trainRatio, ...(isSequenceTask(kind) ? { length } : { features }) };
  return pySource([
    header(arch, experiment, fileName),
    'import argparse\nimport json\nimport math\nimport os\n\nimport torch',
    [
      '# ---- The experiment ----',
      `SEED = ${spec.seed}\nSTEP = ${step}`,
      pyDict('TASK', task),
      pyDict('TRAINING', { ...spec.training }),
      pyDict(spec.architecture.toUpperCase(), arch.settings(spec)),
    ].join('\n\n'),
    RNG_PY,
    dataPy(spec.task),
    arch.network(spec),
    REGULARIZATION_PY,
    OPTIMIZER_PY,
    RUN_PY,
    CLI_PY,
    `# ---- The trained weights at step ${step} (kernels are [in, out]: y = x K + b) ----\n\n` +
      pyWeights('TRAINED_WEIGHTS', experiment.weights),
    `# ---- The optimizer's state and the batch order at step ${step} ----\n\n` +
      (state
        ? trainingStatePy(state)
        : 'TRAINING_STATE = None  # not exported: a fresh optimizer and batch order'),
    MAIN_PY,
  ]);
}

/** The optimizer's slots per weight (flat, row-major), named by what they hold. */
const SLOT_NAMES: Record<TrainingState['optimizer'], string[]> = {
  sgd: [],
  momentum: ['MOMENTUM_ACCUMULATOR'],
  adam: ['ADAM_FIRST_MOMENT', 'ADAM_SECOND_MOMENT'],
};

function trainingStatePy(state: TrainingState): string {
  const names = SLOT_NAMES[state.optimizer];
  const slots = state.slots.map((slot, k) =>
    pyWeights(
      names[k],
      Object.fromEntries(
        Object.entries(slot).map(([name, values]) => [name, { shape: [values.length], values }]),
      ),
    ),
  );
  return [
    ...slots,
    `TRAINING_STATE = {\n    'slots': [${names.join(', ')}],\n` +
      `    'beta': ${pyValue(state.beta ?? null)},\n    'batches': ${pyValue(state.batches)},\n}`,
  ].join('\n\n');
}
