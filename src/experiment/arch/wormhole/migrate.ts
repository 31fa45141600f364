/**
 * The Wormhole's part of the step from schema 1 to schema 2 (src/experiment/migrations.ts): a schema-1 link keeps
 * the experiment it meant.
 *   - Its 'hard' gate was max(0, z): now called 'relu' ('hard' is now the clipped hard sigmoid that learns).
 *   - Its adjoint solve was plain iteration: adjointSolver 'plain' (schema 2's default is 'safeguarded').
 *   - Its L1/L2 had no effect on the Wormhole network: with the Wormhole chosen, regularization 'none' (schema 2
 *     applies it to the Wormhole's kernels).
 * Its solver stays as it was: 'anderson' is still Anderson without the safeguard, 'plain' still plain.
 */
import { isRecord } from '../../fields';

export function wormholeFromSchema1(old: Record<string, unknown>): Record<string, unknown> {
  const next = { ...old };
  if (isRecord(old.wormhole)) {
    const wormhole = { ...old.wormhole };
    if (wormhole.gate === 'hard') wormhole.gate = 'relu';
    wormhole.adjointSolver ??= 'plain';
    next.wormhole = wormhole;
  }
  if (old.architecture === 'wormhole' && isRecord(old.training))
    next.training = { ...old.training, regularization: 'none' };
  return next;
}
