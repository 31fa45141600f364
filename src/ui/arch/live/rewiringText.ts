/** The line above the Live graph that says how much it rewired: with the defaults the first rewiring is rare. */
import type { Frame } from '../../../protocol';

export function rewiringText(arch: Frame['arch']): string {
  if (arch.kind !== 'live' || arch.rewirings === undefined) return '';
  if (arch.rewirings === 0 || arch.lastRewireStep === undefined || arch.lastRewireStep < 0)
    return (
      'No rewiring yet: a weight must first be pushed to 0 by punished steps, which takes a few to tens of ' +
      'steps at learning rate 1.5 (the default) and thousands at 0.1; as the beta code does, it hardly ever comes.'
    );
  const n = arch.rewirings;
  return `${n} rewiring${n === 1 ? '' : 's'} so far, the last at step ${arch.lastRewireStep}.`;
}
