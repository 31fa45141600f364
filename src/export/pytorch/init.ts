/** How the layered networks start (src/engine/arch/mlp/model.ts), in Python, from the seeded 'init' stream. */
export const GLOROT_PY = String.raw`
def glorot_kernel(rng, fan_in, fan_out):
    """Glorot-normal [fan_in, fan_out], drawn row by row from the seeded stream: N(0, 2 / (fan_in + fan_out))."""
    sd = math.sqrt(2 / (fan_in + fan_out))
    return torch.tensor([rng.normal() * sd for _ in range(fan_in * fan_out)]).reshape(fan_in, fan_out)
`;

export const PYTORCH_LINEAR_PY = String.raw`
def pytorch_linear(rng, fan_in, fan_out):
    """nn.Linear's default start (kaiming_uniform, a = sqrt(5)): kernel, then bias, uniform in +-1/sqrt(fan_in)."""
    bound = 1 / math.sqrt(fan_in)
    kernel = [(2 * rng.next() - 1) * bound for _ in range(fan_in * fan_out)]
    bias = [(2 * rng.next() - 1) * bound for _ in range(fan_out)]
    return torch.tensor(kernel).reshape(fan_in, fan_out), torch.tensor(bias)
`;

/** The activations of the layered networks, as Python expressions of a tensor. */
export const ACTIVATION_PY: Record<string, string> = {
  tanh: 'torch.tanh',
  relu: 'torch.relu',
  sigmoid: 'torch.sigmoid',
  linear: '(lambda a: a)',
};
