/** The heaviest Wormhole the schema allows (issue 12): 8 x 64, 16 wormholes, maxIter 500, tol 1e-12, batch 1000. */
import { defaultSpec } from '../defaults';
import type { ExperimentSpec } from '../spec';

export function heaviestWormhole(): ExperimentSpec {
  const spec = defaultSpec('wormhole');
  const wormholes: { from: number; to: number }[] = [];
  for (let from = 2; from <= 9; from++)
    for (let to = 1; to < from && wormholes.length < 16; to++) wormholes.push({ from, to });
  spec.wormhole = { ...spec.wormhole, hidden: Array(8).fill(64), wormholes, maxIter: 500, tol: 1e-12 };
  spec.training.batchSize = 1000;
  return spec;
}
