/** The line above the Live graph that says how much it rewired: with the defaults the first rewiring is rare. */
import type { Frame } from '../../../protocol';

export function rewiringText(arch: Frame['arch']): string {
  if (arch.kind !== 'live' || arch.rewirings === undefined) return '';
  if (arch.rewirings === 0 || arch.lastRewireStep === undefined || arch.lastRewireStep < 0)
    return (
      'No rewiring yet: a weight must first be pushed to 0, which takes thousands of steps at learning rate 0.1 ' +
      '(the default) and tens at 1.'
    );
  const n = arch.rewirings;
  return `${n} rewiring${n === 1 ? '' : 's'} so far, the last at step ${arch.lastRewireStep}.`;
}
