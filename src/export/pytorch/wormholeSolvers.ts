/**
 * The Wormhole's solvers in Python (src/engine/arch/wormhole/solvers.ts, mixing.ts, anderson.ts): the forward
 * fixed point by plain (damped) iteration or Anderson acceleration, safeguarded or not, and the adjoint solve.
 */
export const SOLVERS_PY = String.raw`
# ---- Solvers: plain iteration, Anderson acceleration (safeguarded or not), the adjoint ----

DIVERGED = 1e6


def mixing_coefficients(gram, lam):
    """alpha = (Gram/s + lambda I)^-1 1 / (1' (Gram/s + lambda I)^-1 1), s = the newest |G|^2 (float64)."""
    k = gram.shape[0]
    scale = max(1e-30, gram[-1, -1].item())
    try:
        z = torch.linalg.solve(gram / scale + lam * torch.eye(k, dtype=gram.dtype), torch.ones(k, dtype=gram.dtype))
        total = z.sum().item()
        if math.isfinite(total) and abs(total) > 1e-30:
            return z / total
    except RuntimeError:  # singular: fall back to the plain step, as below
        pass
    return torch.eye(k, dtype=gram.dtype)[-1]


class Anderson:
    """
    Anderson acceleration row by row (a row is one sample): with the last m pairs (X_i, G_i = Phi(X_i) - X_i),
    X <- sum_i alpha_i (X_i + damping G_i), alpha minimising |sum alpha_i G_i|^2 + lambda s |alpha|^2, sum alpha = 1.
    Safeguarded: a row mixes only while its residual |G| falls. A mix whose residual is not below that of the
    iterate it was mixed from is replaced by the damped plain step from that iterate and the row's history is
    dropped; after a plain step whose residual did not fall the row takes another plain step with a fresh history.
    """

    def __init__(self, rows, damping, safeguard):
        self.m, self.lam = WORMHOLE['andersonM'], WORMHOLE['andersonLambda']
        self.damping, self.safeguard = damping, safeguard
        self.history = []  # (X_i, G_i), the oldest first
        self.usable = [0] * rows  # how many of the newest pairs each row mixes
        self.mixed = [False] * rows  # whether the row's iterate came from a mix of two or more pairs
        self.before = [math.inf] * rows  # the residual of the iterate it came from

    def step(self, X, F, residuals):
        self.history = (self.history + [(X, F - X)])[-self.m:]
        M = len(self.history)
        with torch.no_grad():  # the coefficients are constants, also for the unrolled gradient
            G = torch.stack([g for _, g in self.history], 1)
            gram = (G @ G.transpose(1, 2)).double().cpu()
            alpha = torch.zeros(X.shape[0], M, dtype=torch.float64)
            for s, r in enumerate(residuals.tolist()):
                falling = r < self.before[s]
                if self.safeguard and self.mixed[s] and not falling:
                    self.usable[s], self.mixed[s] = 0, False
                    alpha[s, M - 2] = 1  # the plain step from the iterate before
                    continue
                k = M if not self.safeguard else min(self.usable[s] + 1, M) if falling else 1
                self.usable[s], self.mixed[s], self.before[s] = k, k >= 2, r
                alpha[s, M - k:] = mixing_coefficients(gram[s, M - k:, M - k:], self.lam)
            alpha = alpha.float().to(X.device)
        return sum(alpha[:, i:i + 1] * (Xi + self.damping * Gi) for i, (Xi, Gi) in enumerate(self.history))


def solve_fixed_point(phi, n, width, device):
    """
    Iterates from X = 0 until the largest residual (abs |Phi(X) - X| or rel abs / (|Phi(X)| + 1e-9), per sample)
    is below tol, at maxIter, or on divergence; returns the last Phi(X) and the number of sweeps. Under autograd
    (the unrolled gradient) the iterations are the graph.
    """
    X = torch.zeros(n, width, device=device)
    solver = WORMHOLE['solver']
    mixer = None if solver == 'plain' else Anderson(n, WORMHOLE['damping'], solver == 'safeguarded')
    damping = WORMHOLE['damping']
    for k in range(1, WORMHOLE['maxIter'] + 1):
        F = phi(X)
        with torch.no_grad():
            abs_residual = (F - X).norm(dim=1)
            rel_residual = abs_residual / (F.norm(dim=1) + 1e-9)
            worst = (abs_residual if WORMHOLE['residual'] == 'abs' else rel_residual).max().item()
            largest = abs_residual.max().item()
        if not math.isfinite(largest) or largest > DIVERGED or worst < WORMHOLE['tol'] or k == WORMHOLE['maxIter']:
            return F, k
        if mixer:
            X = mixer.step(X, F, abs_residual)
        else:
            X = F if damping == 1 else (1 - damping) * X + damping * F


def solve_adjoint(F, X, g):
    """u = u J + g at the fixed point (J = dPhi/dX by vector-Jacobian products), to adjointTol or adjointMaxIter."""
    solver = WORMHOLE['adjointSolver']
    mixer = None if solver == 'plain' else Anderson(g.shape[0], 1, solver == 'safeguarded')
    u = g
    for k in range(1, WORMHOLE['adjointMaxIter'] + 1):
        following = torch.autograd.grad(F, X, u, retain_graph=True)[0] + g
        diff = following - u
        residual = (diff.norm() / (following.norm() + 1e-9)).item()
        if not math.isfinite(residual) or residual > DIVERGED or residual < WORMHOLE['adjointTol']:
            return following
        if k == WORMHOLE['adjointMaxIter']:
            return following
        u = mixer.step(u, following, diff.norm(dim=1)) if mixer else following
    return u
`;
