/**
 * The optimizers in Python, as the engine steps them (src/engine/core/fused.ts, tfjs's sgd, momentum and adam),
 * written out rather than torch.optim's so that a saved state (momentum's accumulator, Adam's moments and its
 * running b1^t, b2^t) goes on exactly: torch's Adam recomputes b^t from a step count and adds eps outside the
 * bias correction.
 */
export const OPTIMIZER_PY = String.raw`
# ---- Optimizer: sgd, momentum or Adam, as the app's engine steps them ----

MOMENTUM = 0.9
ADAM_BETA1, ADAM_BETA2 = 0.9, 0.999
ADAM_EPSILON = 1e-7  # tfjs's float32 epsilon


class Optimizer:
    """
    sgd       w -= lr g
    momentum  v = 0.9 v + g,  w -= lr v
    adam      m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,
              w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps),  then b1^t *= b1, b2^t *= b2
    A weight without a gradient this step (outside the step's graph) is not updated and keeps its slots.
    """

    def __init__(self, kind, learning_rate, weights, saved=None):
        self.kind = kind
        self.learning_rate = learning_rate
        self.weights = weights
        count = {'sgd': 0, 'momentum': 1, 'adam': 2}[kind]
        first = next(iter(weights.values()))
        self.slots = [
            {
                name: (torch.tensor(saved['slots'][k][name], dtype=torch.float32).reshape(w.shape)
                       if saved else torch.zeros_like(w)).to(w.device)
                for name, w in weights.items()
            }
            for k in range(count)
        ]
        beta = saved['beta'] if saved and kind == 'adam' else [ADAM_BETA1, ADAM_BETA2]
        self.beta_powers = torch.tensor(beta, dtype=torch.float32, device=first.device)  # b1^t, b2^t

    @torch.no_grad()
    def step(self):
        lr = self.learning_rate
        b1t, b2t = self.beta_powers
        for name, w in self.weights.items():
            g = w.grad
            if g is None:
                continue
            if self.kind == 'sgd':
                w -= lr * g
            elif self.kind == 'momentum':
                v = self.slots[0][name]
                v.mul_(MOMENTUM).add_(g)
                w -= lr * v
            else:
                m, v = self.slots[0][name], self.slots[1][name]
                m.mul_(ADAM_BETA1).add_((1 - ADAM_BETA1) * g)
                v.mul_(ADAM_BETA2).add_((1 - ADAM_BETA2) * g * g)
                w -= lr * (m / (1 - b1t)) / (torch.sqrt(v / (1 - b2t)) + ADAM_EPSILON)
        if self.kind == 'adam':
            self.beta_powers *= torch.tensor([ADAM_BETA1, ADAM_BETA2], device=self.beta_powers.device)

    def zero_grad(self):
        for w in self.weights.values():
            w.grad = None
`;
