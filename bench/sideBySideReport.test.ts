import { describe, expect, it } from 'vitest';
import type { FullSpeedRow, SideBySideRound } from './sideBySide';
import { sideBySideSection } from './sideBySideReport';

const round = (workload: string, n: number, playground: number, app: number): SideBySideRound => ({
  workload,
  round: n,
  playgroundEpochsPerSecond: playground,
  appEpochsPerSecond: app,
  appBackend: 'wasm',
  playgroundTestAccuracy: 1,
});

const full = (over: Partial<FullSpeedRow>): FullSpeedRow => ({
  architecture: 'mlp',
  backend: 'cpu',
  stepsPerSecond: 1000,
  fps: 60,
  longTasks: 0,
  longestTaskMs: 0,
  pauses: [
    { changes: 1, lastMs: 12, frameMs: 17 },
    { changes: 1, lastMs: 9, frameMs: 14 },
    { changes: 1, lastMs: 10, frameMs: 15 },
  ],
  note: '',
  ...over,
});

describe('the side-by-side section', () => {
  it('takes the median ratio per workload and checks it against its budget', () => {
    const text = sideBySideSection(
      {
        rounds: [
          round('default net 2-4-2-1, circle', 1, 60, 6000), // 100x
          round('default net 2-4-2-1, circle', 2, 50, 7500), // 150x
          round('default net 2-4-2-1, circle', 3, 60, 3000), // 50x
          round('spiral, 6 hidden layers of 8', 1, 50, 500), // 10x
        ],
        fullSpeed: [full({})],
      },
      'run line',
    );
    expect(text).toContain(
      'default net 2-4-2-1, circle: median 100x (rounds 50.0-150x); the 100x budget is met',
    );
    expect(text).toContain(
      'spiral, 6 hidden layers of 8: median 10.0x (rounds 10.0-10.0x); the 20x budget is NOT met',
    );
  });

  it('names the architectures that miss the frame, long-task and Pause budgets', () => {
    const ok = sideBySideSection({ rounds: [], fullSpeed: [full({})] }, '');
    expect(ok).toContain('every architecture kept the page at 55-60 fps; no long task');
    expect(ok).toContain('Pause took effect within one frame everywhere');
    const bad = sideBySideSection(
      {
        rounds: [],
        fullSpeed: [
          full({}),
          full({
            architecture: 'live',
            fps: 40,
            longTasks: 2,
            longestTaskMs: 80,
            pauses: [{ changes: 2, lastMs: 10, frameMs: 15 }],
          }),
          full({
            architecture: 'wormhole',
            pauses: [
              { changes: 1, lastMs: 9, frameMs: 14 },
              { changes: 1, lastMs: 17, frameMs: 22 },
            ],
          }),
        ],
      },
      '',
    );
    expect(bad).toContain('below 55 fps: live');
    expect(bad).toContain('long tasks on live');
    expect(bad).toContain(
      'Pause took more than one frame (a second update, or one later than 16.7 ms) on live, wormhole',
    );
    expect(ok).toContain(
      '3 clicks: at most one step-counter update after each, the last 12.0 ms after its click',
    );
    expect(ok).toMatch(/\| 1 +\| 10\.0 \/ 12\.0 +\|/);
  });
});
