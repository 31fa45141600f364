/** About the MLP network: what it is, what the picture shows, where we departed from the source. */
export function MlpInfo() {
  return (
    <p>
      A plain multilayer perceptron, the baseline the experimental architectures are compared with. Each
      hidden layer computes act(h W + b); the output is a logit trained with sigmoid cross-entropy on
      mini-batches (two classes), K logits with softmax cross-entropy (K classes: one output neuron per
      class), or one linear output trained with squared error (a numeric target).
    </p>
  );
}
