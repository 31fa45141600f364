import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../../../experiment';
import { AGGREGATE_FROM_SPEED, gateWindow, valveText } from './valveText';

const N = NaN;

describe('the gate valve text', () => {
  it('counts the open steps of the trace and their mean g, leaving out places before step 1', () => {
    // 6 places, step 4: the first two are before step 1. Steps 1..4: closed, 0.2, closed, 0.4.
    expect(gateWindow([N, N, N, 0.2, N, 0.4], 4)).toEqual({ steps: 4, opens: 2, meanG: 0.30000000000000004 });
    expect(gateWindow([N, N, N], 0)).toEqual({ steps: 0, opens: 0, meanG: 0 });
    // A full window, period 3: 16 of 48 open.
    const trace = Array.from({ length: 48 }, (_, i) => (i % 3 === 2 ? 0.5 : N));
    expect(gateWindow(trace, 1000)).toEqual({ steps: 48, opens: 16, meanG: 0.5 });
  });

  it('summarises when playing fast: the share as a whole percentage and the mean g, the same for either parity', () => {
    const even = gateWindow([0.38, N, 0.4, N], 100);
    const odd = gateWindow([N, 0.38, N, 0.4], 101);
    const open = valveText(even, { open: false, g: 0 }, true);
    expect(open).toEqual(['open 50% of the last 4 steps', 'mean g 0.39']);
    expect(valveText(odd, { open: true, g: 0.4 }, true)).toEqual(open);
  });

  it('shows the step itself when stepping', () => {
    const window = gateWindow([N, 0.4], 2);
    expect(valveText(window, { open: true, g: 0.4 }, false)).toEqual(['open', 'g 0.40']);
    expect(valveText(window, { open: false, g: 0 }, false)).toEqual(['closed', '']);
  });

  it('summarises from medium speed (60 steps/s) up; slow motion and slow show every step', () => {
    expect(SPEEDS[AGGREGATE_FROM_SPEED].label).toBe('medium');
  });
});
