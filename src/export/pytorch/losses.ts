/** The loss and accuracy of the networks with one logit (MLP, DIAN), in Python. */
export const SIGMOID_CROSS_ENTROPY_PY = String.raw`
def data_loss(logits, y):
    """Mean sigmoid cross-entropy of the logits against labels 0/1."""
    return torch.nn.functional.binary_cross_entropy_with_logits(logits, y)


def accuracy(logits, y):
    """The share of points on the right side: logit > 0 for label 1."""
    return ((logits > 0).float() == y).float().mean()
`;
