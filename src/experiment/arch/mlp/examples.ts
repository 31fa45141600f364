/**
 * The MLP's curated examples (the Examples gallery): each one a share link with what to look for. The numbers in
 * the captions are what the engine gives for these specs (seed 1); src/engine/examples.test.ts checks them.
 */
import { defaultSpec } from '../../defaults';
import type { Example } from '../../examples';

/** Full speed: the spiral needs a few thousand steps, which take a second or two there. */
const FULL_SPEED = 4;

function spiral(features: ('x1' | 'x2' | 'sin x1' | 'sin x2')[]) {
  const spec = defaultSpec('mlp');
  spec.task.kind = 'spiral';
  spec.task.features = features;
  spec.mlp.hiddenLayers = [8, 8, 8, 8, 8, 8];
  spec.speed = FULL_SPEED;
  return spec;
}

function circleFromSquares() {
  const spec = defaultSpec('mlp');
  spec.task.features = ['x1^2', 'x2^2'];
  spec.mlp.hiddenLayers = [1];
  spec.speed = 2;
  return spec;
}

export const MLP_EXAMPLES: Example[] = [
  {
    id: 'mlp-spiral-sin',
    architecture: 'mlp',
    title: 'The spiral, with sin features',
    lookFor:
      'Six layers of 8 with x1, x2, sin x1 and sin x2 curl the boundary into the spiral: about 90% test accuracy ' +
      'by step 2,000 and 95% by 4,000. Hover the last layers\u2019 neurons to see the twisted shapes they draw.',
    spec: spiral(['x1', 'x2', 'sin x1', 'sin x2']),
  },
  {
    id: 'mlp-spiral-plain',
    architecture: 'mlp',
    title: 'The spiral, from x1 and x2 alone',
    lookFor:
      'The same six layers of 8 without the sin features stay under 70% test accuracy after 4,000 ' +
      'steps. Compare with the example above: the features, not the depth, do most of the work.',
    spec: spiral(['x1', 'x2']),
  },
  {
    id: 'mlp-circle-squares',
    architecture: 'mlp',
    title: 'The circle from x1\u00b2 and x2\u00b2: one neuron',
    lookFor:
      'With the squares as inputs the circle is a straight cut: one hidden neuron reaches 100% test accuracy by ' +
      'step 1,000. Watch its two weights grow with the same sign.',
    spec: circleFromSquares(),
  },
];
