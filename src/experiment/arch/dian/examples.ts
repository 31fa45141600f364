/**
 * Curated DIAN settings for an "Examples" gallery: each a named experiment (its spec and its share link) with one
 * line on what to look for. Plain data over the spec and link modules: the gallery that shows them is built later.
 */
import { defaultSpec } from '../../defaults';
import { encodeLink } from '../../link';
import type { ExperimentSpec } from '../../spec';

export interface DianExample {
  /** Stable, for a gallery's keys and tests. */
  id: string;
  title: string;
  /** One line: what to look for. */
  caption: string;
  spec(): ExperimentSpec;
}

export const DIAN_EXAMPLES: DianExample[] = [
  {
    id: 'dian-valve-rhythm',
    title: "The valve's rhythm",
    caption:
      'Press Step (or Play in slow motion): the valve opens on every second step, an arrow through it and g beside it, and the strip fills blue, grey, blue.',
    spec: () => {
      const spec = defaultSpec('dian');
      spec.task.kind = 'spiral';
      spec.task.features = ['x1', 'x2', 'sin x1', 'sin x2'];
      spec.speed = 0;
      spec.dian = { ...spec.dian, period: 2, schedule: 'periodic', evaluation: 'parity' };
      return spec;
    },
  },
  {
    id: 'dian-against-baselines',
    title: 'The DIAN against its baselines',
    caption:
      'Press Compare under "DIAN against its baselines": does the every-second-step extra input beat a plain MLP of the same widths, or the gate always on or never on?',
    spec: () => {
      const spec = defaultSpec('dian');
      spec.task.kind = 'xor';
      spec.task.noise = 0.1;
      spec.dian = { ...spec.dian, layer1: 6, layer2: 6, period: 2, schedule: 'periodic' };
      return spec;
    },
  },
];

/** An example's link: the page's address followed by this (as Copy link gives it, without weights). */
export const exampleLink = (example: DianExample): string => encodeLink(example.spec());
