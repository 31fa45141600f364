/** The Dynamic Input Activation network (src/engine/arch/dian/model.ts, session.ts) as a PyTorch script. */
import type { ExperimentSpec } from '../../experiment';
import { GLOROT_PY, PYTORCH_LINEAR_PY } from './init';
import type { LayeredArch } from './layered';
import { SIGMOID_CROSS_ENTROPY_PY } from './losses';

const INIT_PY = {
  glorot: String.raw`${GLOROT_PY}

def dense_layer(rng, fan_in, fan_out):
    """Glorot-normal kernel, zero bias."""
    return glorot_kernel(rng, fan_in, fan_out), torch.zeros(fan_out)
`,
  pytorch: String.raw`${PYTORCH_LINEAR_PY}

dense_layer = pytorch_linear
`,
};

const network = (spec: ExperimentSpec) => String.raw`
# ---- The network ----
${INIT_PY[spec.dian.init]}

def initial_weights(seed, input_width):
    """Each layer's kernel and bias (${spec.dian.init}) from the seeded 'init' stream: layers 1-3, then extra, then gate."""
    rng = Rng(derive_seed(seed, 'init'))
    layer1, layer2 = DIAN['layer1'], DIAN['layer2']
    source_width = input_width if DIAN['source'] == 'x' else layer1
    shapes = {'layer1': (input_width, layer1), 'layer2': (layer1, layer2), 'layer3': (layer2, 1),
              'extra': (source_width, layer2), 'gate': (layer2, 1)}
    weights = {}
    for name, (fan_in, fan_out) in shapes.items():
        weights[f'{name}/kernel'], weights[f'{name}/bias'] = dense_layer(rng, fan_in, fan_out)
    return weights


def iteration(step):
    """The iteration t of training step 'step' (numbered from 1): the step, or the epoch its batch starts in."""
    first = 0 if DIAN['counting'] == 'from0' else 1  # the paper's loop counts from 0
    if DIAN['iteration'] == 'step':
        return step - 1 + first
    batch_size = min(TRAINING['batchSize'], TRAIN_SIZE)
    return (step - 1) * batch_size // TRAIN_SIZE + first


def gate_active(step):
    """Whether the extra path takes part in training step 'step'."""
    if DIAN['schedule'] == 'always':
        return True
    if DIAN['schedule'] == 'never':
        return False
    return iteration(step) % DIAN['period'] == 0


class Network:
    def __init__(self, weights):
        self.w = weights

    def forward(self, x, gate):
        """The output y (a logit, or relu of it); with the gate active, layer 3 reads z = h2 + g e."""
        w = self.w
        h1 = torch.relu(x @ w['layer1/kernel'] + w['layer1/bias'])
        h2 = torch.relu(h1 @ w['layer2/kernel'] + w['layer2/bias'])
        z = h2
        if gate:
            s = x if DIAN['source'] == 'x' else h1
            e = torch.relu(s @ w['extra/kernel'] + w['extra/bias'])
            g = torch.sigmoid(e @ w['gate/kernel'] + w['gate/bias'])  # one scalar gate per sample
            z = h2 + g * e
        y = z @ w['layer3/kernel'] + w['layer3/bias']
        return torch.relu(y) if DIAN['finalActivation'] == 'relu' else y

    def outputs(self, x, step):
        """y with the gate as DIAN['evaluation'] says: 'on', 'off', or 'parity' (as training step 'step' had it)."""
        policy = DIAN['evaluation']
        return self.forward(x, gate_active(step) if policy == 'parity' else policy == 'on')

    def training_loss(self, x, y, step):
        gate = gate_active(step)
        # On inactive steps the extra path is not in the graph: no gradient, no regularisation, no update.
        paths = ['layer1', 'layer2', 'layer3'] + (['extra', 'gate'] if gate else [])
        return data_loss(self.forward(x, gate), y) + regularization([self.w[f'{p}/kernel'] for p in paths])

${SIGMOID_CROSS_ENTROPY_PY}`;

export const DIAN_ARCH: LayeredArch = {
  title: 'Dynamic Input Activation network (DIAN)',
  maths: String.raw`
The Dynamic Input Activation network: an MLP whose layer 3 gets a learned, gated extra input on every period-th
training iteration (shape-correct: the extra path has layer 2's width, where the published code crashed):
    h1 = relu(x W1 + b1);  h2 = relu(h1 W2 + b2)
    active(t) = (t mod period == 0)   t: the step (numbered from 1, or from 0 as the paper's loop), or its epoch
    if active:  e = relu(s E + be)   (s = x, or h1)
                g = sigmoid(e G + bg)  (one scalar gate per sample)
                z = h2 + g * e
    else:       z = h2
    y = z W3 + b3   (final activation none: a logit; option relu, as in the reference code)
    loss = mean sigmoid cross-entropy(y, label) + rate * R(kernels in the step's graph)
On inactive iterations E, be, G, bg are not in the graph: no gradient and no update (Adam's b^t still advance).
Schedules: 'periodic', or the ablations 'always' and 'never'. When not training, the gate is forced 'on' or
'off', or follows the step's 'parity' (DIAN['evaluation']).
Weights: layer1..3/kernel|bias, extra/kernel [|s|, |h2|], extra/bias, gate/kernel [|h2|, 1], gate/bias.`,
  settings: (spec) => ({ ...spec.dian }),
  network,
};
