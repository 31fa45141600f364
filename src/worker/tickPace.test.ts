import { describe, expect, it } from 'vitest';
import { TICK_BUDGET_MS, TickPace } from './tickPace';

describe('the pace of play', () => {
  it('at a set speed: that many steps per interval of at least 16 ms', () => {
    const pace = new TickPace();
    expect(pace.plan(0)).toEqual({ steps: 1, intervalMs: 500 }); // slow motion, 2 steps/s
    expect(pace.plan(1)).toEqual({ steps: 1, intervalMs: 100 }); // 10 steps/s
    expect(pace.plan(2)).toEqual({ steps: 1, intervalMs: 16.666666666666668 }); // 60 steps/s
    expect(pace.plan(3)).toEqual({ steps: 10, intervalMs: 16 }); // 600 steps/s
  });

  it("in slow motion and slow, no step while the last step's frame is owed to the page; faster speeds go on", () => {
    const pace = new TickPace();
    expect(pace.plan(0, true)).toEqual({ steps: 0, intervalMs: 16 });
    expect(pace.plan(1, true)).toEqual({ steps: 0, intervalMs: 16 });
    expect(pace.plan(2, true)).toEqual({ steps: 1, intervalMs: 16.666666666666668 });
    expect(pace.plan(4, true).steps).toBe(1);
    expect(pace.plan(0, false)).toEqual({ steps: 1, intervalMs: 500 });
  });

  it('at a set speed, no more steps than fit its interval at what a step took last; as asked again after', () => {
    const pace = new TickPace();
    pace.took(20 * 16, 10, false); // 2 intervals a step: one step a tick
    expect(pace.plan(3)).toEqual({ steps: 1, intervalMs: 16 });
    pace.took(16, 4, false); // a quarter interval a step: 4 fit
    expect(pace.plan(3).steps).toBe(4);
    pace.took(1, 100, false);
    expect(pace.plan(3).steps).toBe(10);
    // Timing at a set speed does not move the full-speed steps per tick.
    expect(pace.plan(4).steps).toBe(1);
    pace.took(20 * 16, 1, false);
    pace.reset();
    expect(pace.plan(3).steps).toBe(10);
  });

  it('at full speed: the steps that fit the budget, at most doubling or halving a tick; next tick at once', () => {
    const pace = new TickPace();
    const full = 4;
    expect(pace.plan(full)).toEqual({ steps: 1, intervalMs: 0 });
    for (let i = 0; i < 5; i++) pace.took(TICK_BUDGET_MS / 100, pace.plan(full).steps, true);
    expect(pace.plan(full).steps).toBe(32); // doubling only, though 100 would fit
    pace.took(TICK_BUDGET_MS / 2, 32, true);
    expect(pace.plan(full).steps).toBe(64);
    pace.took((TICK_BUDGET_MS * 64) / 48, 64, true); // a step takes budget / 48
    expect(pace.plan(full).steps).toBe(48);
    pace.took(TICK_BUDGET_MS, 48, true); // on the budget: kept
    expect(pace.plan(full).steps).toBe(48);
    pace.took(TICK_BUDGET_MS * 10, 48, true); // slow: halved, not cut to 5
    expect(pace.plan(full).steps).toBe(24);
    for (let i = 0; i < 20; i++) pace.took(0, pace.plan(full).steps, true);
    expect(pace.plan(full).steps).toBe(4096);
    pace.reset();
    expect(pace.plan(full).steps).toBe(1);
  });

  it('at full speed, a tick cut at its budget plans the next from the steps it took, not the ones planned', () => {
    const pace = new TickPace();
    const full = 4;
    for (let i = 0; i < 6; i++) pace.took(TICK_BUDGET_MS / 100, pace.plan(full).steps, true);
    expect(pace.plan(full).steps).toBe(64);
    // The steps got dearer: the tick stopped at its budget after 6 of its 64.
    pace.took(TICK_BUDGET_MS, 6, true);
    expect(pace.plan(full).steps).toBe(6);
  });
});
