/** Whether one reward of a Dynamic-Live network fits the work budget, and what to change when it does not. */
import { BUDGET_TEXT, WORK_BUDGET, describeWork } from '../../core/workBudget';
import type { LiveNetwork } from './network';

/**
 * README mode, recursive updates: why one reward would take too long (with the deepest D that fits), or
 * undefined. Accumulate mode costs D x M x connections at most and always fits; the beta code has its own limit
 * (experiment/arch/live/edits.ts).
 */
export function recursionProblem(network: LiveNetwork): string | undefined {
  if (network.fidelity === 'beta' || network.options.update !== 'recursive') return undefined;
  const byDepth = network.recursionWorkByDepth();
  const work = byDepth[byDepth.length - 1];
  if (work <= WORK_BUDGET) return undefined;
  const fits = byDepth.findLastIndex((w) => w <= WORK_BUDGET) + 1;
  return (
    `Refused: in the recursive update mode one reward of this Dynamic-Live network would make ` +
    `${network.recursionSize().toPrecision(2)} train calls (${describeWork(work)}; ${BUDGET_TEXT}). ` +
    `Set Update mode to auto or accumulate (linear cost)` +
    (fits > 0 ? `, or lower Depth D to ${fits}` : '') +
    ` or lower Memory M.`
  );
}
