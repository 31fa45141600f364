import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../defaults';
import { decodeLink } from '../../link';
import { exampleLink, WORMHOLE_EXAMPLES } from './examples';

describe('the Wormhole examples', () => {
  it.each(WORMHOLE_EXAMPLES)('$name: its link gives its spec, which differs from the defaults', (example) => {
    const decoded = decodeLink(exampleLink(example));
    expect(decoded.problems).toEqual([]);
    expect(decoded.spec).toEqual(example.spec());
    expect(decoded.spec.architecture).toBe('wormhole');
    expect(decoded.spec.wormhole).not.toEqual(defaultSpec('wormhole').wormhole);
    expect(example.caption.length).toBeGreaterThan(40);
  });
});
