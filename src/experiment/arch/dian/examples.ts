/** The DIAN's curated examples (the Examples gallery, src/experiment/examples.ts): each with what to look for. */
import { defaultSpec } from '../../defaults';
import type { Example } from '../../examples';

export const DIAN_EXAMPLES: Example[] = [
  {
    id: 'dian-valve-rhythm',
    architecture: 'dian',
    title: "The valve's rhythm",
    lookFor:
      'Press Step (or Play in slow motion): the valve opens on every second step, an arrow through it and g beside it, and the strip fills blue, grey, blue.',
    spec: (() => {
      const spec = defaultSpec('dian');
      spec.task.kind = 'spiral';
      spec.task.features = ['x1', 'x2', 'sin x1', 'sin x2'];
      spec.speed = 0;
      spec.dian = { ...spec.dian, period: 2, schedule: 'periodic', evaluation: 'parity' };
      return spec;
    })(),
  },
  {
    id: 'dian-against-baselines',
    architecture: 'dian',
    title: 'The DIAN against its baselines',
    lookFor:
      'In "Compare any two" (open on the DIAN), press Compare with the baselines: does the every-second-step extra input beat a plain MLP of the same widths, or the gate always on or never on?',
    spec: (() => {
      const spec = defaultSpec('dian');
      spec.task.kind = 'xor';
      spec.task.noise = 0.1;
      spec.dian = { ...spec.dian, layer1: 6, layer2: 6, period: 2, schedule: 'periodic' };
      return spec;
    })(),
  },
];
