import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../defaults';
import { WORMHOLE_EXAMPLES } from './examples';

// Valid specs, links that round-trip and one-line captions: src/experiment/examples.test.ts, for every example.
describe('the Wormhole examples', () => {
  it.each(WORMHOLE_EXAMPLES)('$title: differs from the defaults in the wormholes', (example) => {
    expect(example.spec.architecture).toBe('wormhole');
    expect(example.spec.wormhole).not.toEqual(defaultSpec('wormhole').wormhole);
  });
});
