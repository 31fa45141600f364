import { describe, expect, it } from 'vitest';
import { engineWorkerName, fusedSwitchOf } from './engineSwitch';

describe('the engine switch of the page address (debugging, not part of the link)', () => {
  it('goes from the query string to the worker name and back', () => {
    for (const [search, fused] of [
      ['?fused=always', 'always'],
      ['?x=1&fused=off', 'off'],
      ['?fused=off&x=1', 'off'],
    ] as const) {
      expect(fusedSwitchOf(engineWorkerName(search))).toBe(fused);
    }
  });

  it('ignores anything else', () => {
    for (const search of ['', '?fused=on', '?fused=alwaysx', '?nofused=always', '#fused=always'])
      expect([engineWorkerName(search), fusedSwitchOf(engineWorkerName(search))]).toEqual([
        'engine',
        undefined,
      ]);
    expect(fusedSwitchOf('')).toBeUndefined();
  });
});
