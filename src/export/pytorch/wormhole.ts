/** The Fixed-Point Wormhole network (src/engine/arch/wormhole/model.ts, ops.ts) as a PyTorch script. */
import type { ExperimentSpec } from '../../experiment';
import { GLOROT_PY } from './init';
import type { LayeredArch } from './layered';
import { SOLVERS_PY } from './wormholeSolvers';

const GATE_PY: Record<ExperimentSpec['wormhole']['gate'], string> = {
  soft: String.raw`
def gate(h, c, d):
    """Soft gate sigmoid(h c + d)."""
    return torch.sigmoid(h @ c + d)`,
  hard: String.raw`
def gate(h, c, d):
    """
    Hard gate clip(1/2 + z/4, 0, 1), z = h c + d: exactly 0 for z <= -2. The states see its true (clipped) slope;
    c and d see a straight-through slope 1/4 everywhere (0.25 (z - z.detach()) is exactly 0 in value).
    """
    z_states = h @ c.detach() + d.detach()
    z_gate = h.detach() @ c + d
    return torch.clamp(0.5 + 0.25 * z_states, 0, 1) + 0.25 * (z_gate - z_gate.detach())`,
  relu: String.raw`
def gate(h, c, d):
    """The first hard gate, max(0, h c + d) (no gradient while closed; kept for old links)."""
    return torch.relu(h @ c + d)`,
};

const network = (spec: ExperimentSpec) => String.raw`
# ---- The network ----
${GLOROT_PY}

def hole_name(hole):
    return f"wormhole/{hole['from']}->{hole['to']}"


def initial_weights(seed, input_width):
    """Glorot-normal kernels (layers, then per wormhole c before V), zero biases, gate biases at gateBias."""
    rng = Rng(derive_seed(seed, 'init'))
    widths = WORMHOLE['hidden'] + [1]
    weights = {}
    for l, width in enumerate(widths, start=1):
        weights[f'layer{l}/kernel'] = glorot_kernel(rng, input_width if l == 1 else widths[l - 2], width)
        weights[f'layer{l}/bias'] = torch.zeros(width)
    for hole in WORMHOLE['wormholes']:
        name, fan_in = hole_name(hole), widths[hole['from'] - 1]
        weights[f'{name}/gate_kernel'] = glorot_kernel(rng, fan_in, 1)
        weights[f'{name}/kernel'] = glorot_kernel(rng, fan_in, widths[hole['to'] - 1])
        weights[f'{name}/gate_bias'] = torch.full([1], float(WORMHOLE['gateBias']))
    return weights

${GATE_PY[spec.wormhole.gate]}


activation = ${spec.wormhole.activation === 'relu' ? 'torch.relu' : 'torch.tanh'}  # hidden layers; the output is tanh


class Network:
    def __init__(self, weights):
        self.w = weights
        self.widths = WORMHOLE['hidden'] + [1]

    def sweep(self, H, x):
        """One Gauss-Seidel sweep Phi: layer l reads this sweep's h_(l-1) and the previous iterate's h_j, j > l."""
        w, L = self.w, len(self.widths)
        swept = []
        for l in range(1, L + 1):
            a = (x if l == 1 else swept[-1]) @ w[f'layer{l}/kernel'] + w[f'layer{l}/bias']
            for hole in WORMHOLE['wormholes']:
                if hole['to'] == l:
                    name, h_j = hole_name(hole), H[hole['from'] - 1]
                    g = gate(h_j, w[f'{name}/gate_kernel'], w[f'{name}/gate_bias'])
                    a = a + g * (h_j @ w[f'{name}/kernel'])
            swept.append(torch.tanh(a) if l == L else activation(a))
        return swept

    def phi(self, X, x):
        """The sweep on states flattened per sample: X [n, sum of widths]."""
        return torch.cat(self.sweep(list(X.split(self.widths, dim=1)), x), dim=1)

    def fixed_point(self, x):
        """H*, flattened: implicit gradient through FixedPoint, or backprop through the iterations (unrolled)."""
        if WORMHOLE['gradient'] == 'unrolled':
            return solve_fixed_point(lambda X: self.phi(X, x), x.shape[0], sum(self.widths), x.device)[0]
        return FixedPoint.apply(self, x, *self.w.values())

    def outputs(self, x, step=None):
        """y = h_L at the fixed point, [n, 1] (in (-1, 1); the class is y > 0)."""
        return self.fixed_point(x)[:, -1:]

    def training_loss(self, x, y, step):
        kernels = [w for name, w in self.w.items() if name.endswith('kernel')]  # W, V and c; not the biases
        return data_loss(self.outputs(x), y) + regularization(kernels)


class FixedPoint(torch.autograd.Function):
    """
    H* = Phi(H*, x) with an implicit backward: the forward solves with no graph; the backward solves the adjoint
    fixed point u = u J + dL/dH* (J = dPhi/dH at H*) and returns dL/dtheta = u dPhi/dtheta.
    """

    @staticmethod
    def forward(ctx, network, x, *weights):
        H = solve_fixed_point(lambda X: network.phi(X, x), x.shape[0], sum(network.widths), x.device)[0]
        ctx.network = network
        ctx.save_for_backward(H, x)
        return H

    @staticmethod
    def backward(ctx, dL_dH):
        H, x = ctx.saved_tensors
        weights = list(ctx.network.w.values())
        with torch.enable_grad():
            X = H.detach().requires_grad_()
            F = ctx.network.phi(X, x)
            # Without wormholes Phi does not read H (J = 0): the adjoint is dL/dH itself.
            u = solve_adjoint(F, X, dL_dH) if WORMHOLE['wormholes'] else dL_dH
            grads = torch.autograd.grad(F, weights, u, allow_unused=True)
        return (None, None, *grads)


def data_loss(y, labels):
    """0.5 mean (y - t)^2 with targets t = 2 label - 1 = +-1."""
    return 0.5 * ((y - (2 * labels - 1)) ** 2).mean()


def accuracy(y, labels):
    return ((y > 0) == (labels > 0.5)).float().mean()

${SOLVERS_PY}`;

export const WORMHOLE_ARCH: LayeredArch = {
  title: 'Fixed-Point Wormhole network',
  maths: String.raw`
The Fixed-Point network with temporal wormholes (a reconstruction from the abstract of Habiba & Pearlmutter,
arXiv 2111.00326): a layered network plus gated connections from later layers back to earlier ones; the output
is the fixed point of iterating the network, trained by implicit differentiation.
    h_0 = x;  a_l = h_(l-1) W_l + b_l + sum over wormholes j->l (j > l) of g_jl * (h_j V_jl);  h_l = act(a_l)
    (act tanh, option relu, for the hidden layers; the output layer is tanh so it can reach the targets +-1)
    g_jl = gate(h_j c_jl + d_jl), d_jl starting at gateBias: soft sigmoid(z); hard clip(1/2 + z/4, 0, 1) with a
           straight-through slope 1/4 for c and d; relu max(0, z)
    Phi(H, x) is one Gauss-Seidel sweep (layer l reads this sweep's h_(l-1) and the previous iterate's later h_j)
    y = h_L at H* = Phi(H*, x), solved from H = 0 until the largest residual |Phi(H) - H| / (|Phi(H)| + 1e-9)
    (or the absolute one) is below tol, at maxIter, or on divergence; by plain iteration with damping, or
    Anderson acceleration (m, lambda), safeguarded: mixing only while a sample's residual falls
    loss = 0.5 mean (y - t)^2, t = +-1, + rate * R(W, V, c)
    implicit gradient: u = u J + dL/dH* (J = dPhi/dH at H*; the adjoint's own solver and tolerance),
                       dL/dtheta = u dPhi/dtheta (+ R');  unrolled (ablation): backprop through the iterations
Weights: layer<l>/kernel|bias, wormhole/<j>-><l>/kernel [|h_j|, |h_l|] (V), /gate_kernel [|h_j|, 1] (c), /gate_bias (d).`,
  settings: (spec) => {
    const { hidden, wormholes, gate, gateBias, activation, solver, tol, residual, maxIter, damping } =
      spec.wormhole;
    const { andersonM, andersonLambda, gradient, adjointSolver, adjointTol, adjointMaxIter } = spec.wormhole;
    return {
      hidden,
      wormholes,
      gate,
      gateBias,
      activation,
      solver,
      tol,
      residual,
      maxIter,
      damping,
      andersonM,
      andersonLambda,
      gradient,
      adjointSolver,
      adjointTol,
      adjointMaxIter,
    };
  },
  network,
};
