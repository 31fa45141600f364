/**
 * The data of the experiment in Python: the task's points from the seeded stream, the shuffle and the train/test
 * split (src/engine/core/tasks.ts), the input features, and the mini-batch order (src/engine/core/dataFeed.ts).
 */
import { isDataTask, isSequenceTask, type TaskSpec } from '../../experiment';
import { pyValue } from './python';
import { TASK_GENERATORS } from './tasks';

/** What each feature computes from a point, as Python expressions of x1 and x2 (src/experiment/features.ts). */
const FEATURE_PY: Record<string, string> = {
  x1: 'x1',
  x2: 'x2',
  'x1^2': 'x1 * x1',
  'x2^2': 'x2 * x2',
  x1x2: 'x1 * x2',
  'sin x1': 'math.sin(x1)',
  'sin x2': 'math.sin(x2)',
};

function inputsPy(task: TaskSpec): string {
  if (isSequenceTask(task.kind))
    return String.raw`
def network_inputs(rows, device='cpu'):
    """Sequence windows are fed to the network as they are."""
    return torch.tensor(rows, dtype=torch.float32, device=device).reshape(len(rows), -1)
`;
  const features = task.features.map((f) => `        ${FEATURE_PY[f]},  # ${f}`).join('\n');
  return String.raw`
def network_inputs(rows, device='cpu'):
    """The network's inputs for points (x1, x2): the features ${pyValue(task.features)}."""
    return torch.tensor([features(x1, x2) for x1, x2 in rows], dtype=torch.float32, device=device).reshape(len(rows), -1)


def features(x1, x2):
    return [
${features}
    ]
`;
}

export function dataPy(task: TaskSpec): string {
  if (isDataTask(task.kind))
    throw new Error(`the PyTorch export does not carry data tables yet (task ${task.kind})`);
  const generator = TASK_GENERATORS[task.kind];
  return String.raw`
# ---- Data: the task's points, the split and the mini-batch order, as the app makes them ----
${generator.source}

TRAIN_SIZE = max(1, math.floor(TASK['numSamples'] * TASK['trainRatio'] + 0.5))  # JavaScript's Math.round


def make_dataset(seed):
    """The task's points from the seeded stream, shuffled and split into (train, test) lists of (inputs, label)."""
    rng = Rng(derive_seed(seed, 'data:' + TASK['kind']))
    points = ${generator.call}
    order = permutation(len(points), rng)
    shuffled = [points[i] for i in order]
    return shuffled[:TRAIN_SIZE], shuffled[TRAIN_SIZE:]

${inputsPy(task)}

def labelled(points, device):
    """A set as tensors: inputs [n, inputs] and labels 0/1 [n, 1]."""
    x = network_inputs([inputs for inputs, _ in points], device)
    y = torch.tensor([[label] for _, label in points], dtype=torch.float32, device=device)
    return x, y


class BatchOrder:
    """Mini-batches walking a fresh seeded permutation of the training set each epoch (the app's DataFeed)."""

    def __init__(self, n, batch_size, rng_state, cursor=None, given_back=()):
        self.n = n
        self.batch_size = min(batch_size, n)
        self.rng = Rng(rng_state)
        # A saved order: the permutation drawn from that state, used up to the cursor; else none drawn yet.
        self.order = permutation(n, self.rng) if cursor is not None else []
        self.cursor = cursor or 0
        self.given_back = list(given_back)

    @classmethod
    def fresh(cls, n, batch_size, seed):
        return cls(n, batch_size, derive_seed(seed, 'batches'))

    @classmethod
    def saved(cls, n, batch_size, saved):
        return cls(n, batch_size, saved['rng'], saved['cursor'], saved['givenBack'])

    def next_batch(self):
        batch = []
        for _ in range(self.batch_size):
            if self.given_back:
                batch.append(self.given_back.pop(0))
                continue
            if self.cursor >= len(self.order):
                self.order = permutation(self.n, self.rng)
                self.cursor = 0
            batch.append(self.order[self.cursor])
            self.cursor += 1
        return batch
`;
}
