/** The app's seeded generator (src/experiment/rng.ts) in Python, draw for draw: mulberry32 on 32-bit integers. */
export const RNG_PY = String.raw`
# ---- Seeded random numbers: the app's mulberry32 stream (src/experiment/rng.ts), draw for draw ----

MASK32 = 0xFFFFFFFF


def imul(a, b):
    """32-bit multiplication, as JavaScript's Math.imul (bit for bit; signs do not matter modulo 2^32)."""
    return (a * b) & MASK32


class Rng:
    """mulberry32 with a 32-bit state; Rng(state) continues the app's stream from that state."""

    def __init__(self, state):
        self.state = state & MASK32

    def next(self):
        """Uniform in [0, 1)."""
        self.state = (self.state + 0x6D2B79F5) & MASK32
        t = self.state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK32
        return (t ^ (t >> 14)) / 4294967296

    def uniform(self, a, b):
        return a + (b - a) * self.next()

    def normal(self):
        """Standard normal by Box-Muller (one pair of draws per value)."""
        u = 1 - self.next()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * self.next())

    def below(self, n):
        """An integer in [0, n)."""
        return math.floor(self.next() * n)


def derive_seed(seed, purpose):
    """An independent stream per purpose ('data:circle', 'init', 'batches'), as the app derives it."""
    h = (seed ^ 0x9E3779B9) & MASK32
    for c in purpose:
        h = imul(h ^ ord(c), 0x01000193)
    return h


def permutation(n, rng):
    """Fisher-Yates shuffle of 0..n-1."""
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.below(i + 1)
        p[i], p[j] = p[j], p[i]
    return p
`;
