import { describe, expect, it } from 'vitest';
import { defaultSpec, EXAMPLES, type ExperimentSpec } from '../../../experiment';

const WORMHOLE_EXAMPLES = EXAMPLES.filter((e) => e.architecture === 'wormhole');
import { createSession, sessionOf } from '../..';

/** The sweeps map of an untrained net (50 x 50 grid): its range and what it follows. */
async function sweepsAtStart(spec: ExperimentSpec) {
  const session = sessionOf(await createSession(spec), 'wormhole');
  try {
    return (await session.snapshot({ heatmapRes: 50 })).arch.sweepsRelations!;
  } finally {
    session.dispose();
  }
}

describe('the Wormhole examples show the sweeps vary, where the defaults do not', () => {
  it('the default net: 2-4 sweeps everywhere', async () => {
    const r = await sweepsAtStart(defaultSpec('wormhole'));
    expect(r.maxSweeps - r.minSweeps).toBeLessThanOrEqual(2);
  });

  it('the open wormholes: sweeps from 5 to maxIter, most near the boundary', async () => {
    const r = await sweepsAtStart(WORMHOLE_EXAMPLES[0].spec);
    expect(r.minSweeps).toBeGreaterThanOrEqual(4);
    expect(r.maxSweeps).toBe(40);
    expect(r.boundaryDistance).toBeLessThan(-0.5);
  }, 60_000);

  it('one open wormhole at tol 1e-6: a range of more than 10 sweeps', async () => {
    const r = await sweepsAtStart(WORMHOLE_EXAMPLES[1].spec);
    expect(r.maxSweeps - r.minSweeps).toBeGreaterThan(10);
    expect(r.boundaryDistance).toBeLessThan(-0.3);
  }, 60_000);
});
