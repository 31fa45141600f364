import { describe, expect, it } from 'vitest';
import { BATCH_MS, createLogBatch } from './logBatch';

/** A clock the test moves: timers run when it passes their time. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; f: () => void }>();
  return {
    timers: {
      set: (f: () => void, ms: number) => (due.set(next, { at: now + ms, f }), next++),
      clear: (t: unknown) => void due.delete(t as number),
    },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...due])
        if (t.at <= now) {
          due.delete(id);
          t.f();
        }
    },
    pending: () => due.size,
  };
}

const line = (step: number) => ({ step, text: `rewired at ${step}` });

describe('the log batch', () => {
  it('sends lines at once when not playing', () => {
    const clock = fakeTimers();
    const sent: number[][] = [];
    const batch = createLogBatch((lines) => sent.push(lines.map((l) => l.step)), clock.timers);
    batch.add([line(1)], true);
    batch.add([line(2), line(3)], true);
    expect(sent).toEqual([[1], [2, 3]]);
    expect(clock.pending()).toBe(0);
  });

  it('while playing, sends what came within BATCH_MS together, in order', () => {
    const clock = fakeTimers();
    const sent: number[][] = [];
    const batch = createLogBatch((lines) => sent.push(lines.map((l) => l.step)), clock.timers);
    batch.add([line(1)], false);
    clock.advance(BATCH_MS / 2);
    batch.add([line(2), line(3)], false);
    expect(sent).toEqual([]);
    clock.advance(BATCH_MS / 2);
    expect(sent).toEqual([[1, 2, 3]]);
    batch.add([line(4)], false);
    clock.advance(BATCH_MS - 1);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    expect(sent).toEqual([[1, 2, 3], [4]]);
  });

  it('a line sent now takes the waiting ones with it, before it; flush sends them and stops the timer', () => {
    const clock = fakeTimers();
    const sent: number[][] = [];
    const batch = createLogBatch((lines) => sent.push(lines.map((l) => l.step)), clock.timers);
    batch.add([line(1)], false);
    batch.add([line(2)], true);
    expect(sent).toEqual([[1, 2]]);
    expect(clock.pending()).toBe(0);
    batch.add([line(3)], false);
    batch.flush();
    batch.flush();
    expect(sent).toEqual([[1, 2], [3]]);
    clock.advance(BATCH_MS);
    expect(sent).toHaveLength(2);
  });
});
