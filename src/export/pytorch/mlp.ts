/** The plain MLP (src/engine/arch/mlp/model.ts) as a PyTorch script. */
import type { LayeredArch } from './layered';
import { ACTIVATION_PY, GLOROT_PY } from './init';
import { SIGMOID_CROSS_ENTROPY_PY } from './losses';

export const MLP_ARCH: LayeredArch = {
  title: 'MLP',
  maths: String.raw`
The plain MLP, the playground's baseline (activation act, hidden widths as in MLP below):
    h_0 = x;  h_l = act(h_(l-1) K_l + b_l) for the hidden layers;  y = h_(L-1) K_L + b_L  (one logit)
    P(label 1) = sigmoid(y)
    loss = mean sigmoid cross-entropy(y, label) + rate * R(kernels),  R = sum |w| (l1) or 0.5 sum w^2 (l2)
Weights: dense<l>/kernel [in, out] and dense<l>/bias, in layer order (the app's names).`,
  settings: (spec) => ({ hiddenLayers: spec.mlp.hiddenLayers, activation: spec.mlp.activation }),
  network: (spec) => String.raw`
# ---- The network ----
${GLOROT_PY}

def initial_weights(seed, input_width):
    """Glorot-normal kernels and zero biases, layer by layer, from the seeded 'init' stream."""
    rng = Rng(derive_seed(seed, 'init'))
    weights = {}
    fan_in = input_width
    for l, width in enumerate(MLP['hiddenLayers'] + [1]):
        weights[f'dense{l}/kernel'] = glorot_kernel(rng, fan_in, width)
        weights[f'dense{l}/bias'] = torch.zeros(width)
        fan_in = width
    return weights


activation = ${ACTIVATION_PY[spec.mlp.activation]}  # ${spec.mlp.activation}


class Network:
    def __init__(self, weights):
        self.layers = len(MLP['hiddenLayers']) + 1
        self.kernels = [weights[f'dense{l}/kernel'] for l in range(self.layers)]
        self.biases = [weights[f'dense{l}/bias'] for l in range(self.layers)]

    def outputs(self, x, step=None):
        """The output logit y, [n, 1] (the step matters only to the DIAN's gate)."""
        h = x
        for l in range(self.layers):
            a = h @ self.kernels[l] + self.biases[l]
            h = a if l == self.layers - 1 else activation(a)
        return h

    def training_loss(self, x, y, step):
        return data_loss(self.outputs(x), y) + regularization(self.kernels)

${SIGMOID_CROSS_ENTROPY_PY}`,
};
