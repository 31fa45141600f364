import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../experiment';
import { pytorchFileName } from '.';
import { pyFloat32, pyValue, pyWeights } from './python';

describe('Python literals', () => {
  it('writes float32 values as the shortest decimal that reads back to them', () => {
    expect(pyFloat32(Math.fround(0.1))).toBe('0.1');
    expect(pyFloat32(Math.fround(-1.2345678))).toBe('-1.2345678');
    expect(pyFloat32(3)).toBe('3');
  });

  it('writes JSON-like data as Python', () => {
    expect(pyValue({ a: [1, true, null], b: 'x"y', c: undefined })).toBe(
      '{"a": [1, True, None], "b": "x\\"y"}',
    );
  });

  it('writes weights as nested lists of their shape, a row per line', () => {
    const text = pyWeights('W', {
      k: { shape: [2, 3], values: [1, 2, 3, 4, 5, 6] },
      b: { shape: [1], values: [0] },
    });
    expect(text).toBe('W = {\n    "k": [\n        [1, 2, 3],\n        [4, 5, 6],\n    ],\n    "b": [0],\n}');
  });
});

describe('the script file name', () => {
  it('says the architecture, the task and the step, as a Python module name', () => {
    const spec = defaultSpec('wormhole');
    spec.task.kind = 'temporal-xor';
    expect(pytorchFileName({ spec, step: 120 })).toBe('wormhole_temporal_xor_step120.py');
  });

  it("says Dynamic-Live's reward task (and the data task for the 2-D one)", () => {
    const spec = defaultSpec('live');
    spec.live.task = 'delayed-reward';
    expect(pytorchFileName({ spec, step: 7 })).toBe('live_delayed_reward_step7.py');
    spec.live.task = '2d';
    spec.task.kind = 'spiral';
    expect(pytorchFileName({ spec, step: 0 })).toBe('live_2d_spiral_step0.py');
  });
});
