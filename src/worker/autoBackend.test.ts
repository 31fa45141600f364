import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import { BackendSelection, type StartBackend } from './autoBackend';
import type { StartedBackend } from './backend';

describe('"auto" and the Dynamic-Live network', () => {
  it('announces the backend without timing Live (scalar code), and still measures the layered networks', async () => {
    let measurements = 0;
    const startBackend: StartBackend = async (_choice, measure) => {
      if (measure) {
        measurements++;
        await measure('cpu');
      }
      return { backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] };
    };
    const announced: StartedBackend[] = [];
    const backends = new BackendSelection(startBackend, (b) => announced.push(b));
    await backends.start('auto');
    const live = await backends.sessionFor(defaultSpec('live'));
    expect(live.kind).toBe('live');
    expect(measurements).toBe(0);
    expect(announced.map((b) => b.backend)).toEqual(['cpu']);
    // Loading Live again announces nothing new.
    await backends.sessionFor(defaultSpec('live'));
    expect(announced).toHaveLength(1);
    (await backends.sessionFor(defaultSpec('mlp'))).dispose();
    expect(measurements).toBe(1);
    expect(announced).toHaveLength(2);
  });
});
